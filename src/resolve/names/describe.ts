import type { SourceLoc } from '../../diag/diagnostic.js';
import { getKeyLoc } from '../../model/locations.js';
import type { ResourceKind, Scope } from '../types.js';

const SINGULAR: Record<ResourceKind, string> = {
  networks: 'network',
  volumes: 'volume',
  configs: 'config',
  secrets: 'secret',
};

/**
 * A resource as the user knows it: `root network "db"`, or `network "default" of agent` for the
 * one declared in agent's `x-nest`. Diagnostics name resources by where they were declared,
 * not by flat keys the user never wrote.
 */
export function describeResource(scope: Scope, kind: ResourceKind, inner: string): string {
  const what = `${SINGULAR[kind]} "${inner}"`;
  return scope.path === '' ? `root ${what}` : `${what} of ${scope.path}`;
}

/**
 * Where a resource was declared: its key; an implicit one (a scope's `default` network, which
 * the loader adds) falls back to the `x-nest` that opened the scope.
 */
export function resourceLoc(
  scope: Scope,
  kind: ResourceKind,
  inner: string,
): SourceLoc | undefined {
  return getKeyLoc(scope[kind], inner) ?? scope.nest?.loc ?? scope.parent?.loc;
}
