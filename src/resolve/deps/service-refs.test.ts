import { describe, expect, it } from 'vitest';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import { rewriteServiceRefs } from './service-refs.js';
import { buildTree, type NodeSpec } from './test-tree.js';

/** A root `agent` whose scope holds `specs`, next to a root `db`. */
function agentWith(specs: Record<string, NodeSpec>) {
  return buildTree({
    db: { service: {} },
    agent: { services: specs },
  });
}

describe('rewriteServiceRefs', () => {
  it('rewrites depends_on keys to flat names and keeps their positions', () => {
    const t = agentWith({
      db: {},
      tests: { service: { depends_on: { db: { condition: 'service_healthy' } } } },
    });
    const before = t.node('agent/tests').service.depends_on!;
    const keyLoc = getKeyLoc(before, 'db');
    const valueLoc = getLoc(before, 'db');
    rewriteServiceRefs(t.root, t.ctx);
    const deps = t.node('agent/tests').service.depends_on!;
    expect(deps).toEqual({ 'agent-db': { condition: 'service_healthy', required: true } });
    expect(keyLoc).toBeDefined();
    expect(getKeyLoc(deps, 'agent-db')).toEqual(keyLoc);
    expect(getLoc(deps, 'agent-db')).toEqual(valueLoc);
    expect(t.diags.items).toEqual([]);
  });

  it('keeps the inner name as the alias of a link', () => {
    const t = agentWith({ db: {}, cache: {}, tests: { service: { links: ['db', 'cache:kv'] } } });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.node('agent/tests').service.links).toEqual(['agent-db:db', 'agent-cache:kv']);
  });

  it('rewrites volumes_from with and without a mode, and leaves container: alone', () => {
    const t = agentWith({
      a: {},
      b: {},
      c: {},
      tests: { service: { volumes_from: ['a', 'b:ro', 'c:rw', 'container:builder'] } },
    });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.node('agent/tests').service.volumes_from).toEqual([
      'agent-a',
      'agent-b:ro',
      'agent-c:rw',
      'container:builder',
    ]);
    expect(t.diags.items).toEqual([]);
  });

  it('rewrites service: namespaces and leaves the other forms alone', () => {
    const t = agentWith({
      vpn: {},
      tests: {
        service: {
          network_mode: 'service:vpn',
          pid: 'service:vpn',
          ipc: 'service:vpn',
          uts: 'host',
          cgroup: 'private',
        },
      },
    });
    rewriteServiceRefs(t.root, t.ctx);
    const s = t.node('agent/tests').service;
    expect([s.network_mode, s.pid, s.ipc, s.uts, s.cgroup]).toEqual([
      'service:agent-vpn',
      'service:agent-vpn',
      'service:agent-vpn',
      'host',
      'private',
    ]);
  });

  it('rewrites the depends_on entries normalization implied, without duplicates', () => {
    const t = agentWith({
      db: {},
      vpn: {},
      tests: { service: { links: ['db'], network_mode: 'service:vpn', depends_on: ['db'] } },
    });
    rewriteServiceRefs(t.root, t.ctx);
    expect(Object.keys(t.node('agent/tests').service.depends_on!)).toEqual([
      'agent-db',
      'agent-vpn',
    ]);
  });

  it('leaves root references as written', () => {
    const t = buildTree({ db: {}, web: { service: { links: ['db'], depends_on: ['db'] } } });
    const links = t.node('web').service.links;
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.node('web').service.links).toBe(links);
    expect(t.node('web').service.links).toEqual(['db']);
    expect(Object.keys(t.node('web').service.depends_on!)).toEqual(['db']);
  });

  it('rejects a reference to a service of the parent scope, at the entry', () => {
    const t = agentWith({ tests: { service: { depends_on: ['db'] } } });
    const loc = getKeyLoc(t.node('agent/tests').service.depends_on!, 'db');
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items).toHaveLength(1);
    const d = t.diags.items[0]!;
    expect(d.code).toBe('nest-ref-other-scope');
    expect(d.loc).toEqual(loc);
    expect(d.summary).toBe(
      'service "agent/tests" depends on "db", which is not a service of its scope (found: db in the parent scope)',
    );
    expect(d.related).toEqual([{ message: 'db is declared here', loc: t.node('db').loc }]);
    expect(t.node('agent/tests').service.depends_on).toEqual({});
  });

  it('rejects a reference to a service of a sibling scope', () => {
    const t = buildTree({
      a: { services: { cache: {} } },
      b: { services: { web: { service: { links: ['cache'] } } } },
    });
    const loc = getLoc(t.node('b/web').service.links as string[], 0);
    rewriteServiceRefs(t.root, t.ctx);
    const errors = t.diags.items;
    // Reported at the link, not again for the depends_on entry implied by it.
    expect(errors.map((d) => [d.code, d.loc])).toEqual([['nest-ref-other-scope', loc]]);
    expect(errors[0]!.summary).toContain('(found: a/cache in a sibling scope)');
    expect(t.node('b/web').service.links).toEqual([]);
  });

  it('rejects a reference to a service of a child scope', () => {
    const t = buildTree({
      agent: {
        services: {
          runner: { services: { cache: {} } },
          tests: { service: { volumes_from: ['cache:ro'] } },
        },
      },
    });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items.map((d) => d.code)).toEqual(['nest-ref-other-scope']);
    expect(t.diags.items[0]!.summary).toContain('takes volumes from "cache"');
    expect(t.diags.items[0]!.summary).toContain('agent/runner/cache in a child scope');
  });

  it('says that a child cannot wait for its own parent', () => {
    const t = buildTree({ agent: { services: { tests: { service: { depends_on: ['agent'] } } } } });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items[0]!.code).toBe('nest-ref-other-scope');
    expect(t.diags.items[0]!.hint).toContain('the parent waits for its children');
  });

  it('reports an unknown name as ref-unknown-service, at the entry', () => {
    const t = agentWith({ tests: { service: { network_mode: 'service:vpn' } } });
    const loc = getLoc(t.node('agent/tests').service, 'network_mode');
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items.map((d) => [d.code, d.loc, d.summary])).toEqual([
      [
        'ref-unknown-service',
        loc,
        'service "agent/tests" shares network_mode with undefined service "vpn"',
      ],
    ]);
    expect(t.node('agent/tests').service.network_mode).toBeUndefined();
  });

  it('drops a required: false dependency on a missing service silently', () => {
    const t = agentWith({
      db: {},
      tests: {
        service: { depends_on: { metrics: { required: false }, db: { required: false } } },
      },
    });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items).toEqual([]);
    expect(Object.keys(t.node('agent/tests').service.depends_on!)).toEqual(['agent-db']);
  });

  it('drops a required: false dependency even when another scope has that name', () => {
    // Profiles may have disabled a `db` of this very scope: nothing tells the two apart.
    const t = agentWith({ tests: { service: { depends_on: { db: { required: false } } } } });
    rewriteServiceRefs(t.root, t.ctx);
    expect(t.diags.items).toEqual([]);
    expect(t.node('agent/tests').service.depends_on).toEqual({});
  });
});
