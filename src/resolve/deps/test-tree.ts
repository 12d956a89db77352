import { Diagnostics, type SourceLoc } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { applyServiceDefaults } from '../../loader/normalize/service-defaults.js';
import type { Obj } from '../../loader/normalize/obj.js';
import type { Service } from '../../model/compose.js';
import { setKeyLoc, setLoc } from '../../model/locations.js';
import type { NestNode, NestOptions, ResolveContext, Scope } from '../types.js';

/**
 * A tiny builder of resolver trees for the tests of this folder: the stages before these
 * (scope loading, names) are built by others, so tests describe a topology as nested plain
 * objects and get the tree those stages would hand over. Not used outside tests.
 */
export interface NodeSpec {
  /** The service as written (`depends_on` may be a list); normalized like the loader does. */
  service?: Obj;
  /** `x-nest` options; giving `services` opens a child scope. */
  nest?: Partial<Omit<NestOptions, 'loc'>>;
  /** The services of the child scope. */
  services?: Record<string, NodeSpec>;
}

export interface TestTree {
  root: Scope;
  ctx: ResolveContext;
  diags: Diagnostics;
  /** The node at a nest path (`agent/db`); throws when there is none. */
  node(path: string): NestNode;
}

/** The made-up file every position of a test tree is in. */
export const TEST_FILE = '/srv/ci/compose.yml';

/**
 * Build a tree. Every written key and list entry gets its own line, in the order written, so
 * a test can read a position before a stage runs and compare it with a diagnostic's. Flat
 * names follow the names stage: root names as written, inner ones joined with `-`.
 * `scopeOrder: 'reverse'` inserts each scope's nodes in reverse name order (the contract says
 * name order; a determinism test uses it to show the order does not matter).
 */
export function buildTree(
  services: Record<string, NodeSpec>,
  opts: { scopeOrder?: 'name' | 'reverse' } = {},
): TestTree {
  let line = 0;
  const next = (): SourceLoc => ({ file: TEST_FILE, line: ++line, col: 5 });
  const all = new Map<string, NestNode>();

  const locate = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        setLoc(value, i, next());
        locate(v);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const loc = next();
        setKeyLoc(value, k, loc);
        setLoc(value, k, { ...loc, col: loc.col + k.length + 2 });
        locate(v);
      }
    }
  };

  const makeScope = (
    parent: NestNode | undefined,
    specs: Record<string, NodeSpec>,
    nest?: NestOptions,
  ): Scope => {
    const scope: Scope = {
      path: parent?.nestPath ?? '',
      depth: parent ? parent.depth + 1 : 0,
      ...(parent ? { parent } : {}),
      ...(nest ? { nest } : {}),
      nodes: new Map(),
      networks: {},
      volumes: {},
      configs: {},
      secrets: {},
      keys: { networks: new Map(), volumes: new Map(), configs: new Map(), secrets: new Map() },
    };
    const names = Object.keys(specs).sort();
    if (opts.scopeOrder === 'reverse') names.reverse();
    for (const name of names) {
      const spec = specs[name]!;
      const segments = [...(parent?.segments ?? []), name];
      const loc = next();
      const service = toService(spec.service ?? {});
      locate(service);
      applyServiceDefaults(service as Obj, {}, '/srv/ci');
      const nestOpts: NestOptions | undefined =
        spec.nest || spec.services
          ? { socket: 'none', wait: 'started', ...spec.nest, loc: next() }
          : undefined;
      const node: NestNode = {
        segments,
        nestPath: segments.join('/'),
        name,
        depth: scope.depth,
        scope,
        service,
        loc,
        ...(nestOpts ? { nest: nestOpts } : {}),
        flatName: segments.join('-'),
      };
      scope.nodes.set(name, node);
      all.set(node.nestPath, node);
      if (spec.services) node.child = makeScope(node, spec.services, nestOpts);
    }
    return scope;
  };

  const root = makeScope(undefined, services);
  const diags = new Diagnostics();
  const ctx: ResolveContext = {
    diags,
    sources: new SourceStore(),
    options: {},
    projectName: 'ci',
    readText: () => undefined,
  };
  return {
    root,
    ctx,
    diags,
    node(path) {
      const n = all.get(path);
      if (!n) throw new Error(`no node ${path}`);
      return n;
    },
  };
}

/** A copy of the written service with list-form `depends_on` in the long form. */
function toService(written: Obj): Service {
  const service: Obj = { image: 'example/app', ...written };
  const deps = service.depends_on;
  if (Array.isArray(deps)) {
    service.depends_on = Object.fromEntries(
      deps.map((d) => [String(d), { condition: 'service_started', required: true }]),
    );
  }
  return service as Service;
}
