import { describe, expect, it } from 'vitest';
import type { PathMapEntry } from '../types.js';
import { resolveInParent } from './in-parent.js';
import { buildTree } from './test-tree.js';

const yaml = `
services:
  agent:
    image: a
    volumes:
      - /srv/repo:/workspace
      - cache:/cache
      - /var/jenkins_home/jobs:/jobs
    x-nest:
      services:
        tests: { image: t }
volumes:
  cache: {}
`;

function childScope(pathMap?: PathMapEntry[]) {
  const t = buildTree(yaml, pathMap ? { pathMap } : {});
  t.runPaths();
  const scope = t.node('agent').child;
  if (!scope) throw new Error('no child scope');
  return { t, scope };
}

describe('resolveInParent', () => {
  it('reads host paths directly when nestc runs on the host', () => {
    const { t, scope } = childScope();
    const r = resolveInParent('/workspace/ci/compose.yml', scope, t.ctx);
    expect(r.host).toMatchObject({ kind: 'bind', source: '/srv/repo/ci/compose.yml' });
    expect(r.nestcPath).toBe('/srv/repo/ci/compose.yml');
  });

  it('cannot read inside a volume without a path map', () => {
    const { t, scope } = childScope();
    const r = resolveInParent('/cache/compose.yml', scope, t.ctx);
    expect(r.host).toMatchObject({ kind: 'volume', volume: 'cache', subpath: 'compose.yml' });
    expect(r).not.toHaveProperty('nestcPath');
  });

  it('gives unmounted for a path only the parent has', () => {
    const { t, scope } = childScope();
    expect(resolveInParent('/etc/app.yml', scope, t.ctx)).toEqual({ host: { kind: 'unmounted' } });
  });

  it('maps a host path back into nestc through the path map', () => {
    const { t, scope } = childScope([
      { container: '/src', host: { kind: 'path', path: '/srv' } },
      { container: '/repo', host: { kind: 'path', path: '/srv/repo' } },
    ]);
    const r = resolveInParent('/workspace/ci/compose.yml', scope, t.ctx);
    expect(r.nestcPath).toBe('/repo/ci/compose.yml');
  });

  it('maps a volume back into nestc by its engine name', () => {
    const { t, scope } = childScope([
      { container: '/mnt/cache', host: { kind: 'volume', name: 'ci_cache' } },
    ]);
    expect(resolveInParent('/cache/a/.env', scope, t.ctx).nestcPath).toBe('/mnt/cache/a/.env');
  });

  it('maps a volume entry with a subpath only below that subpath', () => {
    const pathMap: PathMapEntry[] = [
      { container: '/var/jenkins_home', host: { kind: 'volume', name: 'jenkins_home' } },
      { container: '/jw', host: { kind: 'volume', name: 'jenkins_home', subpath: 'jobs/x' } },
    ];
    const { t, scope } = childScope(pathMap);
    expect(resolveInParent('/jobs/x/compose.yml', scope, t.ctx).nestcPath).toBe('/jw/compose.yml');
    expect(resolveInParent('/jobs/y', scope, t.ctx).nestcPath).toBe('/var/jenkins_home/jobs/y');
  });

  it('gives no nestc path when the path map does not cover the host path', () => {
    const { t, scope } = childScope([
      { container: '/other', host: { kind: 'path', path: '/opt' } },
    ]);
    expect(resolveInParent('/workspace/x', scope, t.ctx)).not.toHaveProperty('nestcPath');
  });

  it("reads a root scope path in nestc's own view", () => {
    const t = buildTree(yaml, {
      pathMap: [{ container: '/project', host: { kind: 'path', path: '/home/me/p' } }],
    });
    expect(resolveInParent('/project/x/../.env', t.root, t.ctx)).toEqual({
      host: expect.objectContaining({ kind: 'bind', source: '/home/me/p/.env' }),
      nestcPath: '/project/.env',
    });
    expect(resolveInParent('/etc/x', t.root, t.ctx).host).toMatchObject({ source: '/etc/x' });
  });
});
