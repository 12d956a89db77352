import { describe, expect, it } from 'vitest';
import { assignResourceKeys } from './resource-keys.js';
import { buildTree } from './test-tree.js';

describe('assignResourceKeys', () => {
  it('maps every root resource to itself and keeps the names the loader gave', () => {
    const t = buildTree({
      services: { web: { image: 'nginx' } },
      volumes: { data: {} },
      secrets: { token: { file: '/srv/token' } },
    });
    assignResourceKeys(t.root, t.ctx);
    expect([...t.root.keys.networks]).toEqual([['default', 'default']]);
    expect([...t.root.keys.volumes]).toEqual([['data', 'data']]);
    expect([...t.root.keys.secrets]).toEqual([['token', 'token']]);
    expect(t.root.volumes.data?.name).toBe('ci_data');
  });

  it('keys an inner resource by its scope and names it after the root project', () => {
    const t = buildTree({
      services: {
        agent: {
          image: 'agent',
          'x-nest': { services: { db: { image: 'postgres' } }, volumes: { pgdata: {} } },
        },
      },
    });
    const scope = t.node('agent').child!;
    assignResourceKeys(scope, t.ctx);
    expect(scope.keys.networks.get('default')).toBe('agent-default');
    expect(scope.keys.volumes.get('pgdata')).toBe('agent-pgdata');
    expect(scope.networks.default?.name).toBe('ci_agent-default');
    expect(scope.volumes.pgdata?.name).toBe('ci_agent-pgdata');
  });

  it('keeps the engine name of an external resource', () => {
    const t = buildTree({
      services: {
        agent: {
          image: 'agent',
          'x-nest': {
            services: { db: { image: 'postgres' } },
            networks: { proxy: { external: true }, edge: { external: true, name: 'traefik' } },
          },
        },
      },
    });
    const scope = t.node('agent').child!;
    assignResourceKeys(scope, t.ctx);
    expect(scope.keys.networks.get('proxy')).toBe('agent-proxy');
    expect(scope.networks.proxy?.name).toBe('proxy');
    expect(scope.networks.edge?.name).toBe('traefik');
  });

  it('keeps a name written in the file verbatim', () => {
    const t = buildTree({
      services: {
        agent: {
          image: 'agent',
          'x-nest': {
            services: { db: { image: 'postgres' } },
            volumes: { cache: { name: 'shared-cache' } },
          },
        },
      },
    });
    const scope = t.node('agent').child!;
    assignResourceKeys(scope, t.ctx);
    expect(scope.keys.volumes.get('cache')).toBe('agent-cache');
    expect(scope.volumes.cache?.name).toBe('shared-cache');
  });

  it('prefixes with the whole nest path at depth 2', () => {
    const t = buildTree({
      services: {
        jenkins: {
          image: 'jenkins',
          'x-nest': {
            services: {
              agent: {
                image: 'agent',
                'x-nest': { services: { build: { image: 'node' } }, configs: { npmrc: {} } },
              },
            },
          },
        },
      },
    });
    const scope = t.node('jenkins/agent').child!;
    assignResourceKeys(scope, t.ctx);
    expect(scope.keys.configs.get('npmrc')).toBe('jenkins-agent-npmrc');
    expect(scope.configs.npmrc?.name).toBe('ci_jenkins-agent-npmrc');
  });
});
