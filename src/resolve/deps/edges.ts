import type { SourceLoc } from '../../diag/diagnostic.js';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import type { Service } from '../../model/compose.js';
import type { NestNode } from '../types.js';
import { NAMESPACE_KEYS } from './service-refs.js';

/** One "starts after" edge of the flat graph, with the entry that makes it. */
export interface DepEdge {
  to: NestNode;
  /** What makes the edge, for messages: `depends_on`, `links`, `x-nest.wait`, … */
  via: string;
  loc?: SourceLoc;
}

/**
 * The services `node` starts after, once each, in nest-path order so that a walk over them is
 * the same whatever order the file wrote its keys in. Normalization writes an implied
 * `depends_on` entry for every link, `volumes_from` and `service:` namespace, so one target may
 * come from several entries; the edge points at the first that was written, preferring a
 * written `depends_on` entry, then links, volumes_from and namespaces. A parent's wait entries
 * were written by nobody: they point at the parent's `x-nest` key. Names that are not flat
 * names of the graph are ignored (the reference stage reported them).
 */
export function dependencyEdges(node: NestNode, byFlat: ReadonlyMap<string, NestNode>): DepEdge[] {
  const edges = new Map<NestNode, DepEdge>();
  eachDependency(node.service, (name, via, locOf) => {
    const to = byFlat.get(name);
    if (!to) return;
    const loc = locOf();
    const old = edges.get(to);
    if (!old) edges.set(to, { to, via, ...(loc ? { loc } : {}) });
    else if (!old.loc && loc) edges.set(to, { to, via, loc });
  });
  for (const edge of edges.values()) {
    if (edge.to.scope.parent === node && !edge.loc) {
      edge.via = 'x-nest.wait';
      if (node.nest?.loc) edge.loc = node.nest.loc;
    }
  }
  return [...edges.values()].sort((a, b) => compare(a.to.nestPath, b.to.nestPath));
}

/**
 * The services `node` starts after, as their numbers in `id`, in no set order and possibly
 * more than once: the edges of `dependencyEdges` without what only a message needs. The cycle
 * check finds the knots with these, and asks for the edges of the few services in a knot.
 */
export function dependencyTargets(
  node: NestNode,
  byFlat: ReadonlyMap<string, NestNode>,
  id: ReadonlyMap<NestNode, number>,
): number[] {
  const out: number[] = [];
  eachDependency(node.service, (name) => {
    const to = byFlat.get(name);
    if (to) out.push(id.get(to)!);
  });
  return out;
}

/**
 * Each entry of `s` that makes it start after another service: the name it gives, what kind
 * of entry it is, and where it was written (asked for only when needed: a position is made
 * on demand).
 */
function eachDependency(
  s: Service,
  visit: (name: string, via: string, loc: () => SourceLoc | undefined) => void,
): void {
  const deps = s.depends_on;
  if (deps)
    for (const name of Object.keys(deps)) visit(name, 'depends_on', () => getKeyLoc(deps, name));
  for (const [entry, loc] of strings(s.links)) visit(nameOf(entry), 'links', () => loc);
  for (const [entry, loc] of strings(s.volumes_from))
    if (!entry.startsWith('container:')) visit(nameOf(entry), 'volumes_from', () => loc);
  for (const key of NAMESPACE_KEYS) {
    const v = s[key];
    if (typeof v === 'string' && v.startsWith('service:'))
      visit(v.slice('service:'.length), key, () => getLoc(s, key));
  }
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The strings of a list with their positions. */
function strings(list: unknown): [string, SourceLoc | undefined][] {
  if (!Array.isArray(list)) return [];
  const out: [string, SourceLoc | undefined][] = [];
  list.forEach((v: unknown, i) => {
    if (typeof v === 'string') out.push([v, getLoc(list, i)]);
  });
  return out;
}

function nameOf(entry: string): string {
  const i = entry.indexOf(':');
  return i < 0 ? entry : entry.slice(0, i);
}
