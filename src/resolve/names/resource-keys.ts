import { isTrue } from '../../loader/normalize/resource-names.js';
import { isWritten } from '../../model/locations.js';
import type { ResolveContext, ResourceKind, Scope } from '../types.js';
import { flatKey } from './flat-name.js';

/** The four kinds of top-level resources a scope declares, in output order. */
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'networks',
  'volumes',
  'configs',
  'secrets',
];

/**
 * Flat keys and engine names of the networks, volumes, configs and secrets of one scope
 * (rules 3 and 4). Root resources keep their keys and the names the loader gave them. An inner
 * resource's key is its scope's flat prefix + `-` + its inner name, so two scopes never share
 * a `default` network or a `data` volume by accident; its engine name is the one the user chose
 * when they chose one (`external: true`, or a `name:` written in the file: sharing on purpose),
 * else `<project>_<flat key>`. A `name` the loader defaulted has no recorded position, which is
 * how a written name is told apart.
 */
export function assignResourceKeys(scope: Scope, ctx: ResolveContext): void {
  for (const kind of RESOURCE_KINDS) {
    const keys = (scope.keys[kind] = new Map<string, string>());
    const declared = scope[kind] as Record<string, Record<string, unknown> | null>;
    for (const inner of Object.keys(declared).sort()) {
      const key = flatKey(scope.path, inner);
      keys.set(inner, key);
      if (scope.path === '') continue;
      const r = (declared[inner] ??= {});
      r.name = engineName(r, inner, `${ctx.projectName}_${key}`);
    }
  }
}

/** The engine name of one inner resource (see `assignResourceKeys`). */
function engineName(r: Record<string, unknown>, inner: string, scoped: string): string {
  if (isTrue(r.external)) return typeof r.name === 'string' ? r.name : inner;
  if (isWritten(r, 'name') && typeof r.name === 'string') return r.name;
  return scoped;
}
