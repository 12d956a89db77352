import type { ResolveContext, Scope } from '../types.js';

/** A dependency cycle at any depth is an error that prints the cycle. */
export function checkCycles(_root: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
