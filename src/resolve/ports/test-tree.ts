import { Diagnostics } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { parsePortSpec } from '../../loader/canonical/port-spec.js';
import type { Network, PortConfig, Service } from '../../model/compose.js';
import { setLoc, setSelfLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext, ResolveOptions, Scope } from '../types.js';

/**
 * A tiny builder of resolved trees for the ports and lint tests, so they do not depend on the
 * scope loader. Ports are written in the short syntax (or long syntax as an object) and get
 * positions the way the loader records them: every entry expanded from one written entry
 * carries that entry's position. Each written entry and environment value is on its own line.
 */
export interface ServiceSpec extends Omit<Service, 'ports'> {
  ports?: (string | PortConfig)[];
  nest?: ScopeSpec;
}

export interface ScopeSpec {
  services: Record<string, ServiceSpec>;
  networks?: Record<string, Network | null>;
}

export const TEST_FILE = '/srv/ci/compose.yml';

/** Build the tree; services are inserted in the spec's key order (claim order must not care). */
export function buildTree(spec: ScopeSpec): Scope {
  const line = { n: 1 };
  return buildScope(spec, '', 0, undefined, line);
}

function buildScope(
  spec: ScopeSpec,
  path: string,
  depth: number,
  parent: NestNode | undefined,
  line: { n: number },
): Scope {
  const nodes = new Map<string, NestNode>();
  const networks = (spec.networks ?? {}) as Record<string, Network>;
  for (const key of Object.keys(networks)) setLoc(networks, key, at(line));
  const scope: Scope = {
    path,
    depth,
    ...(parent ? { parent, nest: { socket: 'none', wait: 'started', loc: parent.loc } } : {}),
    nodes,
    networks,
    volumes: {},
    configs: {},
    secrets: {},
    keys: { networks: new Map(), volumes: new Map(), configs: new Map(), secrets: new Map() },
  } as Scope;
  for (const [name, s] of Object.entries(spec.services)) {
    const nestPath = path ? `${path}/${name}` : name;
    const { nest, ports, ...rest } = s;
    const service: Service = { ...rest };
    if (ports) service.ports = buildPorts(ports, line);
    if (service.environment) {
      for (const k of Object.keys(service.environment)) setLoc(service.environment, k, at(line));
    }
    const node: NestNode = {
      segments: nestPath.split('/'),
      nestPath,
      name,
      depth,
      scope,
      service,
      loc: at(line),
      flatName: nestPath.replaceAll('/', '-'),
      ...(nest ? { nest: { socket: 'none', wait: 'started' } } : {}),
    };
    nodes.set(name, node);
    if (nest) node.child = buildScope(nest, nestPath, depth + 1, node, line);
  }
  return scope;
}

function buildPorts(specs: (string | PortConfig)[], line: { n: number }): PortConfig[] {
  const list: PortConfig[] = [];
  for (const spec of specs) {
    const loc = at(line);
    if (typeof spec !== 'string') {
      const j = list.push(spec) - 1;
      setLoc(list, j, loc);
      if (spec.published !== undefined) setLoc(spec, 'published', { ...loc, col: loc.col + 4 });
      continue;
    }
    const parsed = parsePortSpec(spec);
    if (!parsed.ok) throw new Error(`bad port spec in test: ${spec}`);
    for (const p of parsed.ports) {
      const j = list.push(p) - 1;
      setLoc(list, j, loc);
      setSelfLoc(p, loc);
      if (p.published !== undefined) setLoc(p, 'published', loc);
    }
  }
  return list;
}

function at(line: { n: number }): { file: string; line: number; col: number } {
  return { file: TEST_FILE, line: line.n++, col: 7 };
}

/** A resolve context with fresh diagnostics. */
export function testContext(options: ResolveOptions = {}): ResolveContext {
  return {
    diags: new Diagnostics(),
    sources: new SourceStore(),
    options,
    projectName: 'ci',
    readText: () => undefined,
  };
}

/** The node at `nestPath`. */
export function nodeAt(root: Scope, nestPath: string): NestNode {
  let scope: Scope | undefined = root;
  let node: NestNode | undefined;
  for (const seg of nestPath.split('/')) {
    node = scope?.nodes.get(seg);
    scope = node?.child;
  }
  if (!node) throw new Error(`no node ${nestPath}`);
  return node;
}
