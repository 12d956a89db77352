import type { FlatGraph, PortMapEntry, ResolveContext, Scope } from './types.js';

/** The resolved tree as one plain Compose project, with the map back to the nestfile. */
export function flatten(_root: Scope, _ports: PortMapEntry[], _ctx: ResolveContext): FlatGraph {
  throw new Error('not implemented');
}
