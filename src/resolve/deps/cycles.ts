import type { NestNode, ResolveContext, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { compare, dependencyEdges, dependencyTargets, type DepEdge } from './edges.js';
import { stronglyConnected } from './scc.js';

/**
 * A dependency cycle at any depth is an error that prints the cycle (rule 6): Compose would
 * refuse the flat file, and a human needs the nest paths, not the flat names, to find it. The
 * graph is every service of every scope with the edges of `depends_on` (the parents' wait
 * entries included), `links`, `volumes_from` and `service:` namespaces, all flat by now. One
 * error per knot of services that wait for each other (a strongly connected component): it
 * shows the shortest cycle through the knot's first nest path, starting there, so the message
 * is the same whatever order the file wrote its keys in. It points at the first edge's entry,
 * with every step as a related position.
 */
export function checkCycles(root: Scope, ctx: ResolveContext): void {
  const nodes = [...walkNodes(root)].sort((a, b) => compare(a.nestPath, b.nestPath));
  const byFlat = new Map(nodes.map((n) => [n.flatName, n] as const));
  const id = new Map(nodes.map((n, i) => [n, i] as const));
  const adj = nodes.map((n) => dependencyTargets(n, byFlat, id));
  const knots = stronglyConnected(nodes.length, adj)
    .filter((c) => c.length > 1 || adj[c[0]!]!.includes(c[0]!))
    .map((c) => c.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!);
  if (knots.length === 0) return;
  // Edges with their positions, for the services of a knot only: a valid graph needs none.
  const edges: DepEdge[][] = [];
  for (const knot of knots) for (const v of knot) edges[v] = dependencyEdges(nodes[v]!, byFlat);
  for (const knot of knots) report(shortestCycle(knot, edges, id), nodes, ctx);
}

/**
 * The shortest cycle through the knot's first vertex (breadth-first, neighbours in nest-path
 * order, staying inside the knot), as its edges in order.
 */
function shortestCycle(
  knot: number[],
  edges: readonly DepEdge[][],
  id: ReadonlyMap<NestNode, number>,
): { from: number; edge: DepEdge }[] {
  const start = knot[0]!;
  const inKnot = new Set(knot);
  const came = new Map<number, { from: number; edge: DepEdge }>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const edge of edges[v]!) {
      const w = id.get(edge.to)!;
      if (w === start) {
        const path = [{ from: v, edge }];
        for (let at = v; at !== start;) {
          const step = came.get(at)!;
          path.unshift(step);
          at = step.from;
        }
        return path;
      }
      if (!inKnot.has(w) || came.has(w)) continue;
      came.set(w, { from: v, edge });
      queue.push(w);
    }
  }
  throw new Error('a strongly connected component without a cycle through its first vertex');
}

function report(
  cycle: { from: number; edge: DepEdge }[],
  nodes: readonly NestNode[],
  ctx: ResolveContext,
): void {
  const steps = cycle.map(({ from, edge }) => ({ from: nodes[from]!, edge }));
  const first = steps[0]!;
  const shown = [first.from.nestPath, ...steps.map((s) => s.edge.to.nestPath)].join(' → ');
  ctx.diags.error(
    'nest-dependency-cycle',
    `dependency cycle: ${shown}`,
    first.edge.loc ?? first.from.loc,
    {
      hint: 'remove one of these dependencies; Compose cannot start services that wait for each other',
      related: steps.map(({ from, edge }) => ({
        message: `${from.nestPath} ${verb(edge.via)} ${edge.to.nestPath} (${edge.via})`,
        loc: edge.loc ?? from.loc,
      })),
    },
  );
}

function verb(via: string): string {
  switch (via) {
    case 'depends_on':
      return 'depends on';
    case 'links':
      return 'links to';
    case 'volumes_from':
      return 'takes volumes from';
    case 'x-nest.wait':
      return 'waits for its child';
    default:
      return 'shares a namespace with';
  }
}
