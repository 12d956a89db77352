import type { ResolveContext, Scope } from '../types.js';

/** Rule 4: DNS aliases by inner name, the parent on its children's networks, ambiguity warnings. */
export function wireNetworks(_root: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
