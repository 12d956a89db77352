import type { PortMapEntry, ResolveContext, Scope } from '../types.js';

/** Rule 7: warnings for localhost-style addresses to sibling ports, and network pool size. */
export function lintGraph(
  _root: Scope,
  _ports: readonly PortMapEntry[],
  _ctx: ResolveContext,
): void {
  throw new Error('not implemented');
}
