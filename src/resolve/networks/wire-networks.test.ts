import { describe, expect, it } from 'vitest';
import { buildTree, runNameStages, type Spec } from '../names/test-tree.js';

const agent = (inner: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  image: 'agent',
  ...extra,
  'x-nest': inner,
});

describe('wireNetworks: aliases', () => {
  it('gives each inner service its inner name as alias on its networks', () => {
    const t = runNameStages(
      buildTree({ services: { agent: agent({ services: { db: { image: 'postgres' } } }) } }),
    );
    expect(t.node('agent/db').service.networks).toEqual({
      'agent-default': { aliases: ['db'] },
    });
  });

  it('keeps existing aliases and adds none twice', () => {
    const t = runNameStages(
      buildTree({
        services: {
          agent: agent({
            services: {
              db: { image: 'postgres', networks: { default: { aliases: ['pg', 'db'] } } },
              cache: { image: 'redis', networks: { default: { aliases: ['kv'] } } },
            },
          }),
        },
      }),
    );
    expect(t.node('agent/db').service.networks?.['agent-default']?.aliases).toEqual(['pg', 'db']);
    expect(t.node('agent/cache').service.networks?.['agent-default']?.aliases).toEqual([
      'kv',
      'cache',
    ]);
  });

  it('adds no alias to a root service on its own networks', () => {
    const t = runNameStages(buildTree({ services: { web: { image: 'nginx' } } }));
    expect(t.node('web').service.networks).toEqual({ default: null });
  });

  it('leaves a child with network_mode off every network', () => {
    const t = runNameStages(
      buildTree({
        services: {
          agent: agent({
            services: {
              db: { image: 'postgres' },
              probe: { image: 'probe', network_mode: 'service:db' },
            },
          }),
        },
      }),
    );
    expect(t.node('agent/probe').service.networks).toBeUndefined();
    expect(t.ctx.diags.items).toEqual([]);
  });
});

describe('wireNetworks: the parent', () => {
  it('joins every non-external network of its child scope with its own name', () => {
    const t = runNameStages(
      buildTree({
        services: {
          agent: agent({
            services: {
              db: { image: 'postgres', networks: { back: null } },
              web: { image: 'nginx', networks: { default: null, proxy: null } },
            },
            networks: { back: {}, proxy: { external: true } },
          }),
        },
      }),
    );
    expect(t.node('agent').service.networks).toEqual({
      default: null,
      'agent-back': { aliases: ['agent'] },
      'agent-default': { aliases: ['agent'] },
    });
    expect(t.node('agent/web').service.networks).toEqual({
      'agent-default': { aliases: ['web'] },
      'agent-proxy': { aliases: ['web'] },
    });
  });

  it('joins at every depth with the inner name of each parent', () => {
    const t = runNameStages(
      buildTree({
        services: {
          jenkins: agent({
            services: { agent: agent({ services: { build: { image: 'node' } } }) },
          }),
        },
      }),
    );
    expect(t.node('jenkins/agent').service.networks).toEqual({
      'jenkins-default': { aliases: ['agent'] },
      'jenkins-agent-default': { aliases: ['agent'] },
    });
    expect(t.node('jenkins').service.networks).toEqual({
      default: null,
      'jenkins-default': { aliases: ['jenkins'] },
    });
  });

  it('reports a parent with network_mode whose children use networks, at network_mode', () => {
    const t = runNameStages(
      buildTree({
        services: {
          agent: agent({ services: { db: { image: 'postgres' } } }, { network_mode: 'host' }),
        },
      }),
    );
    const [d, ...rest] = t.ctx.diags.items;
    expect(rest).toEqual([]);
    expect(d?.code).toBe('nest-parent-network-mode');
    expect(d?.severity).toBe('error');
    expect(d?.loc).toEqual(t.at('services.agent.network_mode'));
    expect(d?.summary).toContain('"host"');
    expect(t.node('agent').service.networks).toBeUndefined();
  });

  it('accepts a parent with network_mode when no child uses a network', () => {
    const t = runNameStages(
      buildTree({
        services: {
          agent: agent(
            { services: { db: { image: 'postgres', network_mode: 'host' } } },
            { network_mode: 'host' },
          ),
        },
      }),
    );
    expect(t.ctx.diags.items).toEqual([]);
  });
});

describe('wireNetworks: DNS ambiguity', () => {
  const ambiguous = (): Spec => ({
    services: {
      db: { image: 'postgres' },
      agent: agent({ services: { db: { image: 'postgres' }, tests: { image: 'node' } } }),
    },
  });

  it('warns once, at the parent, when a root db and its child db are both visible', () => {
    const t = runNameStages(buildTree(ambiguous()));
    const warnings = t.ctx.diags.items;
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w.code).toBe('nest-dns-ambiguous');
    expect(w.severity).toBe('warning');
    expect(w.loc).toEqual(t.at('services.agent'));
    expect(w.summary).toBe(
      'service "agent" can resolve "db" to 2 services: "agent/db" (network agent-default) and "db" (network default)',
    );
    expect(w.related?.map((r) => r.loc)).toEqual([
      t.at('services.agent.x-nest.services.db'),
      t.at('services.db'),
    ]);
  });

  it('does not warn when each name has one answer', () => {
    const spec = ambiguous();
    delete spec.services.db;
    const t = runNameStages(buildTree(spec));
    expect(t.ctx.diags.items).toEqual([]);
  });

  it('treats two scopes on one external network as one network', () => {
    const t = runNameStages(
      buildTree({
        services: {
          web: { image: 'nginx', networks: { proxy: { aliases: ['app'] } } },
          agent: agent({
            services: { app: { image: 'app', networks: { edge: null } } },
            networks: { edge: { external: true, name: 'proxy' } },
          }),
        },
        networks: { proxy: { external: true } },
      }),
    );
    const w = t.ctx.diags.items.map((d) => [d.code, d.loc, d.summary]);
    expect(w).toEqual([
      [
        'nest-dns-ambiguous',
        t.at('services.agent.x-nest.services.app'),
        'service "agent/app" can resolve "app" to 2 services: "agent/app" (network agent-edge) and "web" (network agent-edge)',
      ],
      [
        'nest-dns-ambiguous',
        t.at('services.web'),
        'service "web" can resolve "app" to 2 services: "agent/app" (network proxy) and "web" (network proxy)',
      ],
    ]);
  });

  it('finds a name its small network shares with its largest one', () => {
    const spec = ambiguous();
    for (let i = 0; i < 5; i++) spec.services[`s${i}`] = { image: 'app' };
    const t = runNameStages(buildTree(spec));
    expect(t.ctx.diags.items.map((d) => [d.code, d.loc])).toEqual([
      ['nest-dns-ambiguous', t.at('services.agent')],
    ]);
  });

  it('finds a name two members answer to on its largest network alone', () => {
    const t = runNameStages(
      buildTree({
        services: {
          a: { image: 'app', networks: { default: { aliases: ['api'] } } },
          b: { image: 'app', networks: { default: { aliases: ['api'] } } },
          c: { image: 'app', networks: { default: null, side: null } },
        },
        networks: { side: {} },
      }),
    );
    expect(t.ctx.diags.items.map((d) => [d.loc, d.summary])).toEqual([
      [
        t.at('services.a'),
        'service "a" can resolve "api" to 2 services: "a" (network default) and "b" (network default)',
      ],
      [
        t.at('services.b'),
        'service "b" can resolve "api" to 2 services: "a" (network default) and "b" (network default)',
      ],
      [
        t.at('services.c'),
        'service "c" can resolve "api" to 2 services: "a" (network default) and "b" (network default)',
      ],
    ]);
  });

  it('gives the same result twice', () => {
    const a = runNameStages(buildTree(ambiguous()));
    const b = runNameStages(buildTree(ambiguous()));
    expect(JSON.stringify(b.ctx.diags.items)).toBe(JSON.stringify(a.ctx.diags.items));
    expect(JSON.stringify(b.node('agent').service)).toBe(JSON.stringify(a.node('agent').service));
  });
});
