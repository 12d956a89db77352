import type { DependsOn } from '../model/compose.js';
import type { FlatGraph, PortMapEntry } from '../resolve/types.js';

/** A service in the nested picture, or in the flat one. */
export interface GraphNode {
  /** Safe id in both Mermaid and DOT: a letter and an index. */
  id: string;
  /** Label lines, unescaped. */
  lines: string[];
}

/** One scope: the root project or one `x-nest`, with its services, networks and inner scopes. */
export interface GraphCluster {
  id: string;
  /** `x-nest of PARENT` (`x-nest of jenkins/agent`); `project NAME` at the root. */
  label: string;
  nodes: GraphNode[];
  networks: GraphNode[];
  children: GraphCluster[];
}

export interface GraphEdge {
  from: string;
  to: string;
  /** `depends` (solid arrow, to the dependency) or `network` (dashed line, to the network). */
  kind: 'depends' | 'network';
  label?: string;
}

/**
 * What both graph views draw, in drawing order: the nested topology (scopes as nested clusters),
 * the flat result beside it, and the edges. Built once so that Mermaid and DOT show the same
 * thing; ids are indices in a stable order (flat-name order, network-key order, scope
 * (depth, path) order), so the same graph always gives the same text.
 */
export interface GraphModel {
  root: GraphCluster;
  flat: GraphNode[];
  edges: GraphEdge[];
}

/** `127.0.0.1:5432->5432/tcp`: a published port as the engine binds it. */
export function publishedText(p: PortMapEntry): string {
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  return `${ip}${p.published}->${p.target}/${p.protocol}`;
}

const CONDITION: Readonly<Record<DependsOn['condition'], string | undefined>> = {
  service_started: undefined,
  service_healthy: 'healthy',
  service_completed_successfully: 'completed',
};

/** The picture of a flat graph (see `GraphModel`). */
export function graphModel(graph: FlatGraph): GraphModel {
  const serviceId = new Map(graph.services.map((s, i) => [s.flatName, `n${i}`]));
  const ports = new Map<string, PortMapEntry[]>();
  for (const p of graph.ports) ports.set(p.service, [...(ports.get(p.service) ?? []), p]);

  // Scopes: those the graph lists, and any a service names (a hand-made graph may list none).
  const paths = new Set<string>(['', ...graph.scopes.map((s) => s.path)]);
  for (const s of graph.services) paths.add(s.scope);
  const ordered = [...paths].sort((a, b) => depth(a) - depth(b) || cmp(a, b));
  const clusters = new Map<string, GraphCluster>();
  ordered.forEach((path, i) => {
    const cluster: GraphCluster = {
      id: `s${i}`,
      label: path === '' ? `project ${graph.project.name}` : `x-nest of ${path}`,
      nodes: [],
      networks: [],
      children: [],
    };
    clusters.set(path, cluster);
    if (path !== '') clusters.get(parentPath(path, clusters))!.children.push(cluster);
  });

  graph.services.forEach((s) => {
    const own = ports.get(s.flatName) ?? [];
    const lines = [
      s.nestPath.split('/').pop()!,
      `flat: ${s.flatName}`,
      ...own.map((p) => publishedText(p) + (p.reason ? ` (written ${p.written})` : '')),
    ];
    clusters.get(s.scope)!.nodes.push({ id: serviceId.get(s.flatName)!, lines });
  });

  // Networks: declared ones in their scope's cluster; any other one a service joins at the root.
  const networkScope = new Map<string, string>();
  for (const s of graph.scopes) for (const n of s.networks) networkScope.set(n, s.path);
  const networkKeys = new Set(Object.keys(graph.project.networks ?? {}));
  for (const svc of Object.values(graph.project.services)) {
    for (const n of Object.keys(svc.networks ?? {})) networkKeys.add(n);
  }
  const networkId = new Map<string, string>();
  [...networkKeys].sort(cmp).forEach((key, i) => {
    networkId.set(key, `w${i}`);
    const home = clusters.get(networkScope.get(key) ?? '') ?? clusters.get('')!;
    home.networks.push({ id: `w${i}`, lines: [`network ${key}`] });
  });

  const edges: GraphEdge[] = [];
  for (const s of graph.services) {
    const svc = graph.project.services[s.flatName];
    const from = serviceId.get(s.flatName)!;
    for (const [dep, d] of Object.entries(svc?.depends_on ?? {}).sort(([a], [b]) => cmp(a, b))) {
      const to = serviceId.get(dep);
      const label = CONDITION[d.condition];
      if (to) edges.push({ from, to, kind: 'depends', ...(label ? { label } : {}) });
    }
    for (const net of Object.keys(svc?.networks ?? {}).sort(cmp)) {
      edges.push({ from, to: networkId.get(net)!, kind: 'network' });
    }
  }

  const flat = graph.services.map((s, i) => ({
    id: `f${i}`,
    lines: [s.flatName, ...(ports.get(s.flatName) ?? []).map(publishedText)],
  }));
  return { root: clusters.get('')!, flat, edges };
}

function depth(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

/** The scope a scope sits in: the nearest listed ancestor path (`a/b/c` → `a/b`, else `a`, else root). */
function parentPath(path: string, known: ReadonlyMap<string, unknown>): string {
  const segments = path.split('/');
  for (let n = segments.length - 1; n > 0; n--) {
    const p = segments.slice(0, n).join('/');
    if (known.has(p)) return p;
  }
  return '';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
