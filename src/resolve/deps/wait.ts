import type { ResolveContext, Scope } from '../types.js';

/** The parent depends on its children as `x-nest.wait` says (rule 6). */
export function addWaitDependencies(_root: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
