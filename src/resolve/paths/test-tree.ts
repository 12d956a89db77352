import { Diagnostics } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { canonicalize } from '../../loader/canonical/index.js';
import { readYaml } from '../../loader/read-yaml.js';
import type { FileObject, Network, Service, Volume } from '../../model/compose.js';
import { getKeyLoc } from '../../model/locations.js';
import type {
  NestNode,
  NestOptions,
  ResolveContext,
  ResolveOptions,
  ResourceKind,
  Scope,
} from '../types.js';
import { applySocket } from './socket.js';
import { translateScopePaths } from './translate-scope.js';

/**
 * A hand-built scope tree for the paths stage's tests, independent of the scope loader and the
 * names stage: one YAML text (read with positions and brought to the long syntax by the real
 * reader), inline `x-nest` blocks as inner scopes, and the names stage imitated just enough
 * (inner resources keyed `<scope>_<name>`, service references rewritten to those keys, engine
 * names set) for what the paths stage reads.
 */
export interface TestTree {
  root: Scope;
  ctx: ResolveContext;
  diags: Diagnostics;
  text: string;
  /** The node at a nest path (`agent/tests`). */
  node(nestPath: string): NestNode;
  /** 1-based line of the first line containing `needle` (for location assertions). */
  line(needle: string): number;
  /** The paths stage over the whole tree in the pipeline's order (resolve.ts). */
  runPaths(): void;
}

export const TEST_FILE = '/srv/ci/compose.yml';
const PROJECT = 'ci';

export function buildTree(text: string, options: ResolveOptions = {}): TestTree {
  const diags = new Diagnostics();
  const doc = readYaml(text, TEST_FILE, diags).docs[0] as Record<string, unknown>;
  canonicalize(doc, diags);
  if (diags.items.length > 0) throw new Error(JSON.stringify(diags.items));
  const ctx: ResolveContext = {
    diags,
    sources: new SourceStore(),
    options,
    projectName: PROJECT,
    readText: () => undefined,
  };
  const nodes = new Map<string, NestNode>();
  const root = scopeOf(doc, '', 0, undefined, nodes);
  const lines = text.split('\n');
  return {
    root,
    ctx,
    diags,
    text,
    node(p) {
      const n = nodes.get(p);
      if (!n) throw new Error(`no node ${p}`);
      return n;
    },
    line(needle) {
      const i = lines.findIndex((l) => l.includes(needle));
      if (i < 0) throw new Error(`no line with ${needle}`);
      return i + 1;
    },
    runPaths() {
      const queue: Scope[] = [root];
      for (let scope = queue.shift(); scope; scope = queue.shift()) {
        translateScopePaths(scope, ctx);
        for (const node of scope.nodes.values()) {
          if (node.nest?.socket === 'host') applySocket(node, ctx);
          const child = children.get(node);
          if (child) queue.push((node.child = child));
        }
      }
    },
  };
}

/** Inner scopes by parent node; given to `node.child` in pipeline order, as resolve.ts does. */
const children = new WeakMap<NestNode, Scope>();

type Obj = Record<string, unknown>;

function scopeOf(
  block: Obj,
  path: string,
  depth: number,
  parent: NestNode | undefined,
  all: Map<string, NestNode>,
): Scope {
  const prefix = path.replaceAll('/', '_');
  const flat = (name: string, r: { external?: boolean }): string =>
    path === '' || r.external === true ? name : `${prefix}_${name}`;
  const keys = {} as Record<ResourceKind, Map<string, string>>;
  const res = {} as Record<ResourceKind, Record<string, Obj>>;
  for (const kind of ['networks', 'volumes', 'configs', 'secrets'] as const) {
    res[kind] = (block[kind] ?? {}) as Record<string, Obj>;
    keys[kind] = new Map();
    for (const [name, r] of Object.entries(res[kind])) {
      const obj = (res[kind][name] = r ?? {});
      keys[kind].set(name, flat(name, obj));
      obj.name ??= obj.external === true ? name : `${PROJECT}_${flat(name, obj)}`;
    }
  }
  const scope: Scope = {
    path,
    depth,
    ...(parent ? { parent } : {}),
    nodes: new Map(),
    networks: res.networks as Record<string, Network>,
    volumes: res.volumes as Record<string, Volume>,
    configs: res.configs as Record<string, FileObject>,
    secrets: res.secrets as Record<string, FileObject>,
    keys,
  };
  const services = (block.services ?? {}) as Record<string, Service>;
  for (const name of Object.keys(services).sort()) {
    const service = services[name] as Service;
    renameRefs(service, keys);
    const nestPath = path === '' ? name : `${path}/${name}`;
    const xnest = service['x-nest'] as Obj | undefined;
    const node: NestNode = {
      segments: nestPath.split('/'),
      nestPath,
      name,
      depth,
      scope,
      service,
      ...(xnest ? { nest: nestOptions(service, xnest) } : {}),
      flatName: nestPath.replaceAll('/', '-'),
    };
    scope.nodes.set(name, node);
    all.set(nestPath, node);
    if (xnest) children.set(node, scopeOf(xnest, nestPath, depth + 1, node, all));
  }
  return scope;
}

function nestOptions(service: Service, xnest: Obj): NestOptions {
  const loc = getKeyLoc(service, 'x-nest');
  return {
    socket: xnest.socket === 'host' ? 'host' : 'none',
    wait: 'started',
    ...(loc ? { loc } : {}),
  };
}

/** What the names stage does to a service's references: inner names become flat keys. */
function renameRefs(service: Service, keys: Record<ResourceKind, Map<string, string>>): void {
  for (const vol of service.volumes ?? []) {
    if (vol.type === 'volume' && vol.source)
      vol.source = keys.volumes.get(vol.source) ?? vol.source;
  }
  for (const kind of ['configs', 'secrets'] as const) {
    for (const ref of service[kind] ?? []) ref.source = keys[kind].get(ref.source) ?? ref.source;
  }
}
