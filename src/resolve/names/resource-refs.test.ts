import { describe, expect, it } from 'vitest';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import { assignResourceKeys } from './resource-keys.js';
import { rewriteResourceRefs } from './resource-refs.js';
import { buildTree, type TestTree } from './test-tree.js';

function agentScope(inner: Record<string, unknown>): TestTree {
  const t = buildTree({ services: { agent: { image: 'agent', 'x-nest': inner } } });
  const scope = t.node('agent').child!;
  assignResourceKeys(scope, t.ctx);
  rewriteResourceRefs(scope, t.ctx);
  return t;
}

describe('rewriteResourceRefs', () => {
  it('renames network keys in order and keeps their positions', () => {
    const t = agentScope({
      services: { db: { image: 'postgres', networks: { back: null, front: { priority: 2 } } } },
      networks: { front: {}, back: {} },
    });
    const nets = t.node('agent/db').service.networks!;
    expect(Object.keys(nets)).toEqual(['agent-back', 'agent-front']);
    expect(nets['agent-front']).toEqual({ priority: 2 });
    const written = 'services.agent.x-nest.services.db.networks';
    expect(getKeyLoc(nets, 'agent-back')).toEqual(t.at(`${written}.back`));
    expect(getLoc(nets, 'agent-front')).toEqual(t.at(`${written}.front`));
  });

  it('points named volume mounts at the scoped volume and leaves binds alone', () => {
    const t = agentScope({
      services: {
        db: {
          image: 'postgres',
          volumes: [
            { type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data' },
            { type: 'bind', source: '/workspace/pgdata', target: '/seed' },
            { type: 'volume', target: '/anon' },
          ],
        },
      },
      volumes: { pgdata: {} },
    });
    const [named, bind, anon] = t.node('agent/db').service.volumes!;
    expect(named?.source).toBe('agent-pgdata');
    expect(getLoc(named!, 'source')).toEqual(
      t.at('services.agent.x-nest.services.db.volumes.0.source'),
    );
    expect(bind?.source).toBe('/workspace/pgdata');
    expect(anon?.source).toBeUndefined();
  });

  it('writes out the default target of configs and secrets before renaming', () => {
    const t = agentScope({
      services: {
        app: {
          image: 'app',
          configs: [{ source: 'settings' }, { source: 'extra', target: '/etc/extra.conf' }],
          secrets: [{ source: 'token' }],
        },
      },
      configs: { settings: { file: '/workspace/s.json' }, extra: { file: '/workspace/e' } },
      secrets: { token: { file: '/workspace/token' } },
    });
    const s = t.node('agent/app').service;
    expect(s.configs).toEqual([
      { source: 'agent-settings', target: '/settings' },
      { source: 'agent-extra', target: '/etc/extra.conf' },
    ]);
    expect(s.secrets).toEqual([{ source: 'agent-token', target: '/run/secrets/token' }]);
  });

  it('keeps the id of a build secret', () => {
    const t = agentScope({
      services: { app: { build: { context: '/workspace', secrets: [{ source: 'npm' }] } } },
      secrets: { npm: { file: '/workspace/npmrc' } },
    });
    expect(t.node('agent/app').service.build).toEqual({
      context: '/workspace',
      secrets: [{ source: 'agent-npm', target: 'npm' }],
    });
  });

  it('changes nothing in the root scope', () => {
    const t = buildTree({
      services: {
        web: { image: 'nginx', volumes: [{ type: 'volume', source: 'd', target: '/d' }] },
      },
      volumes: { d: {} },
    });
    const nets = t.node('web').service.networks;
    assignResourceKeys(t.root, t.ctx);
    rewriteResourceRefs(t.root, t.ctx);
    expect(t.node('web').service.networks).toBe(nets);
    expect(t.node('web').service.volumes?.[0]?.source).toBe('d');
  });
});
