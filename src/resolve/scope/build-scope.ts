import type { Project } from '../../model/compose.js';
import type { NestNode, ResolveContext, Scope } from '../types.js';
import type { ScopeLoadOptions } from './load-inner.js';

/** The root scope: the services of the loaded project, with their `x-nest` options read. */
export function rootScope(_project: Project, _ctx: ResolveContext): Scope {
  throw new Error('not implemented');
}

/** The scope a service opens with `x-nest`, loaded like a Compose project in its parent's view. */
export function loadChildScope(
  _node: NestNode,
  _ctx: ResolveContext,
  _options: ScopeLoadOptions,
): Scope | undefined {
  throw new Error('not implemented');
}
