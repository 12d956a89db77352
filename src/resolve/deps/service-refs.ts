import type { ResolveContext, Scope } from '../types.js';

/** `depends_on`, `links`, `volumes_from`, `service:` modes rewritten to flat names, per scope. */
export function rewriteServiceRefs(_root: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
