import type { ResolveContext, Scope } from '../types.js';

/** Service references to the scope's resources rewritten to their flat keys. */
export function rewriteResourceRefs(_scope: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
