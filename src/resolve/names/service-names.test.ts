import { describe, expect, it } from 'vitest';
import { LABEL_PATH, LABEL_PROJECT } from './labels.js';
import { buildTree, runNameStages } from './test-tree.js';

const agentWithDb = (root: Record<string, Record<string, unknown>> = {}) =>
  buildTree({
    services: {
      ...root,
      agent: {
        image: 'agent',
        'x-nest': {
          services: {
            db: { image: 'postgres' },
            runner: {
              image: 'runner',
              'x-nest': { services: { build: { image: 'node' } } },
            },
          },
        },
      },
    },
  });

describe('assignServiceNames', () => {
  it('sets the flat name of every service', () => {
    const t = runNameStages(agentWithDb(), false);
    expect(t.node('agent').flatName).toBe('agent');
    expect(t.node('agent/db').flatName).toBe('agent-db');
    expect(t.node('agent/runner/build').flatName).toBe('agent-runner-build');
    expect(t.ctx.diags.items).toEqual([]);
  });

  it('labels every service with the project and its nest path', () => {
    const t = buildTree({
      services: {
        agent: {
          image: 'agent',
          labels: { team: 'ci' },
          'x-nest': { services: { db: { image: 'postgres' } } },
        },
      },
    });
    runNameStages(t, false);
    expect(t.node('agent').service.labels).toEqual({
      team: 'ci',
      [LABEL_PROJECT]: 'ci',
      [LABEL_PATH]: 'agent',
    });
    expect(t.node('agent/db').service.labels).toEqual({
      [LABEL_PROJECT]: 'ci',
      [LABEL_PATH]: 'agent/db',
    });
  });

  it('reports a flat name collision at the inner service, naming both', () => {
    const t = runNameStages(agentWithDb({ 'agent-db': { image: 'postgres' } }), false);
    expect(t.ctx.diags.items).toHaveLength(1);
    const d = t.ctx.diags.items[0]!;
    expect(d.code).toBe('nest-name-collision');
    expect(d.severity).toBe('error');
    expect(d.loc).toEqual(t.at('services.agent.x-nest.services.db'));
    expect(d.summary).toContain('"agent/db"');
    expect(d.summary).toContain('"agent-db"');
    expect(d.related).toEqual([
      { message: 'service "agent-db" is declared here', loc: t.at('services.agent-db') },
    ]);
  });

  it('reports a container_name shared across scopes at the later one', () => {
    const t = buildTree({
      services: {
        pg: { image: 'postgres', container_name: 'pg' },
        agent: {
          image: 'agent',
          'x-nest': { services: { db: { image: 'postgres', container_name: 'pg' } } },
        },
      },
    });
    runNameStages(t, false);
    const [d, ...rest] = t.ctx.diags.items;
    expect(rest).toEqual([]);
    expect(d?.code).toBe('nest-container-name-collision');
    expect(d?.loc).toEqual(t.at('services.agent.x-nest.services.db.container_name'));
    expect(d?.related?.[0]?.loc).toEqual(t.at('services.pg.container_name'));
    expect(t.node('agent/db').service.container_name).toBe('pg');
  });

  it('leaves a container_name shared within one scope to the loader', () => {
    const t = buildTree({
      services: {
        a: { image: 'x', container_name: 'same' },
        b: { image: 'x', container_name: 'same' },
      },
    });
    runNameStages(t, false);
    expect(t.ctx.diags.items).toEqual([]);
  });

  it('reports a root network that takes the key of a scope network', () => {
    const t = buildTree({
      services: {
        web: { image: 'nginx', networks: { 'agent-default': null } },
        agent: { image: 'agent', 'x-nest': { services: { db: { image: 'postgres' } } } },
      },
      networks: { 'agent-default': {} },
    });
    runNameStages(t, false);
    const [d, ...rest] = t.ctx.diags.items;
    expect(rest).toEqual([]);
    expect(d?.code).toBe('nest-resource-key-collision');
    // The scope's default network is implicit: the error points at the x-nest that opens it.
    expect(d?.loc).toEqual(t.at('services.agent.x-nest'));
    expect(d?.summary).toContain('network "default" of agent');
    expect(d?.summary).toContain('root network "agent-default"');
    expect(d?.related?.[0]?.loc).toEqual(t.at('networks.agent-default'));
  });

  it('reports a volume key collision between two inner scopes at its declaration', () => {
    const t = buildTree({
      services: {
        a: {
          image: 'x',
          'x-nest': { services: { s: { image: 'x' } }, volumes: { 'b-data': {} } },
        },
        'a-b': {
          image: 'x',
          'x-nest': { services: { s: { image: 'x' } }, volumes: { data: {} } },
        },
      },
    });
    runNameStages(t, false);
    const codes = t.ctx.diags.items.map((d) => [d.code, d.loc, d.related?.[0]?.loc]);
    expect(codes).toEqual([
      [
        'nest-resource-key-collision',
        t.at('services.a-b.x-nest.volumes.data'),
        t.at('services.a.x-nest.volumes.b-data'),
      ],
    ]);
  });
});
