import type { NestNode, Scope } from '../types.js';

/**
 * The order in which names are claimed: outermost first, then nest path (the port rule's order).
 * The first claimant keeps a name and the error lands on the later, deeper declaration, whatever
 * order keys were written in.
 */
export function byDepthThenPath(
  a: { depth: number; path: string },
  b: { depth: number; path: string },
): number {
  return a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** Nodes in claim order (see `byDepthThenPath`). */
export function nodesInClaimOrder(nodes: Iterable<NestNode>): NestNode[] {
  return [...nodes]
    .map((n) => ({ n, depth: n.depth, path: n.nestPath }))
    .sort(byDepthThenPath)
    .map((x) => x.n);
}

/** Scopes in claim order (see `byDepthThenPath`). */
export function scopesInClaimOrder(scopes: Iterable<Scope>): Scope[] {
  return [...scopes].sort(byDepthThenPath);
}
