import { Diagnostics, type SourceLoc } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import type { Service } from '../../model/compose.js';
import { getKeyLoc, setKeyLoc, setLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext, Scope, ScopeResources } from '../types.js';
import { walkScopes } from '../types.js';
import { wireNetworks } from '../networks/wire-networks.js';
import { assignResourceKeys } from './resource-keys.js';
import { rewriteResourceRefs } from './resource-refs.js';
import { assignServiceNames } from './service-names.js';

/**
 * Test support for the names and networks stages: a nested tree built by hand from one plain
 * object, as the loader and the scope stage would hand it over, so these stages can be tested
 * without them. Not used by nestc itself.
 *
 * Every key of the spec gets a made-up position (`nest.yml`, one line per key, in writing
 * order), found again by its dotted path with `at('services.agent.x-nest.networks.default')`.
 * Like the loader's normalize, a service with neither `networks` nor `network_mode` joins
 * `default`, which is then declared (with no position), and every resource gets a defaulted
 * `name` (no position either). A service's `x-nest` block opens a child scope.
 */
export interface TestTree {
  root: Scope;
  ctx: ResolveContext;
  /** Position of the key at a dotted path of the spec; throws when there is none. */
  at(path: string): SourceLoc;
  /** The node at a nest path (`agent/db`). */
  node(nestPath: string): NestNode;
}

export type Spec = Partial<Record<keyof ScopeResources, Record<string, unknown>>> & {
  services: Record<string, Record<string, unknown>>;
};

export const TEST_FILE = 'nest.yml';

export function buildTree(spec: Spec, projectName = 'ci'): TestTree {
  const locs = new Map<string, SourceLoc>();
  let line = 0;
  const locate = (container: object, path: string, depth: number): void => {
    const entries = Array.isArray(container)
      ? container.map((v, i) => [i, v] as const)
      : Object.entries(container);
    for (const [k, v] of entries) {
      const loc: SourceLoc = { file: TEST_FILE, line: ++line, col: 1 + 2 * depth };
      setLoc(container, k, loc);
      if (typeof k === 'string') setKeyLoc(container, k, loc);
      const p = path === '' ? String(k) : `${path}.${String(k)}`;
      locs.set(p, loc);
      if (v !== null && typeof v === 'object') locate(v, p, depth + 1);
    }
  };
  locate(spec, '', 0);

  const nodes = new Map<string, NestNode>();
  const root = scopeOf(spec, undefined, nodes, projectName);
  return {
    root,
    ctx: testContext(projectName),
    at(path) {
      const loc = locs.get(path);
      if (!loc) throw new Error(`no position recorded at ${path}`);
      return loc;
    },
    node(nestPath) {
      const n = nodes.get(nestPath);
      if (!n) throw new Error(`no node ${nestPath}`);
      return n;
    },
  };
}

/** A context whose diagnostics the test reads back. */
export function testContext(projectName = 'ci'): ResolveContext {
  return {
    diags: new Diagnostics(),
    sources: new SourceStore(),
    options: {},
    projectName,
    readText: () => undefined,
  };
}

function scopeOf(
  spec: Spec,
  parent: NestNode | undefined,
  all: Map<string, NestNode>,
  project: string,
): Scope {
  const res = {
    networks: (spec.networks ??= {}),
    volumes: (spec.volumes ??= {}),
    configs: (spec.configs ??= {}),
    secrets: (spec.secrets ??= {}),
  } as ScopeResources;
  const scope: Scope = {
    path: parent?.nestPath ?? '',
    depth: parent ? parent.depth + 1 : 0,
    ...(parent ? { parent } : {}),
    ...(parent?.nest ? { nest: parent.nest } : {}),
    nodes: new Map(),
    ...res,
    keys: { networks: new Map(), volumes: new Map(), configs: new Map(), secrets: new Map() },
  };
  for (const name of Object.keys(spec.services).sort()) {
    const service = spec.services[name] as Service;
    if (service.network_mode == null && service.networks == null) {
      service.networks = { default: null };
    }
    if (service.networks && 'default' in service.networks && !('default' in res.networks)) {
      res.networks.default = {};
    }
    const block = service['x-nest'] as Partial<Spec> | undefined;
    delete service['x-nest'];
    const segments = [...(parent?.segments ?? []), name];
    const loc = getKeyLoc(spec.services, name);
    const nestLoc = block ? getKeyLoc(service, 'x-nest') : undefined;
    const node: NestNode = {
      segments,
      nestPath: segments.join('/'),
      name,
      depth: scope.depth,
      scope,
      service,
      ...(loc ? { loc } : {}),
      ...(block
        ? { nest: { socket: 'none', wait: 'started', ...(nestLoc ? { loc: nestLoc } : {}) } }
        : {}),
      flatName: '',
    };
    scope.nodes.set(name, node);
    all.set(node.nestPath, node);
    if (block)
      node.child = scopeOf({ ...block, services: block.services ?? {} }, node, all, project);
  }
  for (const kind of ['networks', 'volumes', 'configs', 'secrets'] as const) {
    const declared = res[kind] as Record<string, Record<string, unknown> | null>;
    for (const key of Object.keys(declared)) {
      const r = (declared[key] ??= {});
      r.name ??= r.external === true ? key : `${parent ? 'inner' : project}_${key}`;
    }
  }
  return scope;
}

/**
 * The stages of this directory and `networks/` in the resolver's order: per scope (parents
 * first) keys then references, then names and networks over the whole tree.
 */
export function runNameStages(t: TestTree, networks = true): TestTree {
  for (const scope of walkScopes(t.root)) {
    assignResourceKeys(scope, t.ctx);
    rewriteResourceRefs(scope, t.ctx);
  }
  assignServiceNames(t.root, t.ctx);
  if (networks) wireNetworks(t.root, t.ctx);
  return t;
}
