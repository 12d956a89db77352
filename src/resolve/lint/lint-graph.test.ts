import { describe, expect, it } from 'vitest';
import { getLoc } from '../../model/locations.js';
import { allocatePorts } from '../ports/allocate.js';
import { buildTree, testContext, TEST_FILE, type ScopeSpec } from '../ports/test-tree.js';
import { lintGraph } from './lint-graph.js';
import { DEFAULT_POOL_NETWORKS } from './network-pools.js';

/** Allocate, then lint; the diagnostics of the lint only. */
function lint(spec: ScopeSpec) {
  const root = buildTree(spec);
  const ctx = testContext();
  const ports = allocatePorts(root, ctx);
  const before = ctx.diags.items.length;
  lintGraph(root, ports, ctx);
  return { root, ports, diags: ctx.diags.items.slice(before) };
}

describe('lintGraph: localhost ports', () => {
  it('warns at the environment value and suggests the DNS name and container port', () => {
    const { diags, root } = lint({
      services: {
        db: { image: 'postgres', ports: ['15432:5432'] },
        app: { image: 'x', environment: { DB_URL: 'postgres://u@localhost:15432/app' } },
      },
    });
    expect(diags).toHaveLength(1);
    const [d] = diags;
    expect(d?.code).toBe('nest-localhost-port');
    expect(d?.severity).toBe('warning');
    expect(d?.summary).toBe(
      'services.app.environment.DB_URL: localhost:15432 does not reach db (it publishes 15432 on the host)',
    );
    expect(d?.hint).toBe('use db:5432');
    const env = root.nodes.get('app')?.service.environment ?? {};
    expect(d?.loc).toEqual(getLoc(env, 'DB_URL'));
    expect(d?.loc?.file).toBe(TEST_FILE);
    expect(d?.related?.[0]?.loc).toEqual(getLoc(root.nodes.get('db')?.service.ports ?? [], 0));
  });

  it('recognizes a port nestc moved, under both numbers', () => {
    const { diags } = lint({
      services: {
        web: { image: 'x', ports: ['8080:80'] },
        ci: {
          image: 'agent',
          nest: {
            services: {
              app: { image: 'x', ports: ['8080:8080'] },
              tests: {
                image: 'x',
                environment: { A: 'http://127.0.0.1:20000', B: 'host.docker.internal:8080' },
              },
            },
          },
        },
      },
    });
    expect(diags.map((d) => d.summary)).toEqual([
      'services.ci/tests.environment.A: 127.0.0.1:20000 does not reach ci/app (it publishes 8080 on the host, moved to 20000)',
      'services.ci/tests.environment.B: host.docker.internal:8080 does not reach web (it publishes 8080 on the host)',
    ]);
    expect(diags.map((d) => d.hint)).toEqual([
      'use app:8080',
      'use web:80, after putting ci/tests and web on a shared network',
    ]);
  });

  it('suggests the inner name of a child to its parent', () => {
    const { diags } = lint({
      services: {
        agent: {
          image: 'x',
          environment: { REDIS: '172.17.0.1:16379' },
          nest: { services: { redis: { image: 'redis', ports: ['16379:6379'] } } },
        },
      },
    });
    expect(diags.map((d) => [d.code, d.hint])).toEqual([['nest-localhost-port', 'use redis:6379']]);
  });

  it('stays quiet with network_mode: host, for its own port, and for ports nobody publishes', () => {
    const { diags } = lint({
      services: {
        db: { image: 'x', ports: ['5432:5432'] },
        hostnet: { image: 'x', network_mode: 'host', environment: { DB: 'localhost:5432' } },
        self: { image: 'x', ports: ['9000:9000'], environment: { ME: 'localhost:9000' } },
        other: { image: 'x', environment: { X: 'localhost:6000', Y: 'db:5432', Z: null } },
      },
    });
    expect(diags).toEqual([]);
  });
});

describe('lintGraph: network pools', () => {
  function scopes(count: number, networksEach: number): ScopeSpec {
    const services: ScopeSpec['services'] = {};
    for (let i = 0; i < count; i++) {
      const networks: NonNullable<ScopeSpec['networks']> = {};
      for (let n = 0; n < networksEach; n++) networks[`n${n}`] = null;
      services[`s${String(i).padStart(2, '0')}`] = {
        image: 'x',
        nest: { services: { c: { image: 'x' } }, networks },
      };
    }
    return { services, networks: { default: null } };
  }

  it(`stays quiet at ${DEFAULT_POOL_NETWORKS} networks`, () => {
    expect(lint(scopes(29, 1)).diags).toEqual([]);
  });

  it('warns once, at the first network over the limit', () => {
    const { diags } = lint(scopes(15, 2)); // 1 + 30
    expect(diags.map((d) => [d.code, d.severity])).toEqual([['nest-network-pools', 'warning']]);
    expect(diags[0]?.summary).toContain('the graph needs 31 networks');
    expect(diags[0]?.summary).toContain('(s14 networks.n1 is the first over)');
    expect(diags[0]?.loc?.file).toBe(TEST_FILE);
    expect(diags[0]?.detail).toContain('172.17.0.0/16 to 172.31.0.0/16');
  });

  it('does not count external, host or shared named networks', () => {
    const spec = scopes(15, 2);
    for (const s of Object.values(spec.services)) {
      s.nest!.networks = { n0: { external: true }, n1: { name: 'shared' }, n2: { driver: 'host' } };
    }
    expect(lint(spec).diags).toEqual([]);
  });
});
