import { describe, expect, it } from 'vitest';
import { mountsOf, pathMapMounts } from './mounts.js';
import { buildTree } from './test-tree.js';

describe('mountsOf', () => {
  it('lists binds, named volumes with their subpath, tmpfs and anonymous volumes', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes:
      - /srv/repo:/workspace:ro
      - type: volume
        source: cache
        target: /cache
        volume: { subpath: npm }
      - type: tmpfs
        target: /scratch
      - /var/lib/agent
    tmpfs: ["/run:size=64m"]
volumes:
  cache: {}
`);
    expect(mountsOf(t.node('agent'))).toMatchObject([
      { kind: 'bind', target: '/workspace', source: '/srv/repo', readOnly: true },
      { kind: 'volume', target: '/cache', volume: 'cache', subpath: 'npm', readOnly: false },
      { kind: 'tmpfs', target: '/scratch' },
      { kind: 'anonymous', target: '/var/lib/agent' },
      { kind: 'tmpfs', target: '/run' },
    ]);
  });

  it('records where each mount was declared', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]
`);
    expect(mountsOf(t.node('agent'))[0]?.loc?.line).toBe(t.line('/srv/repo:/workspace'));
  });

  it('mounts file configs and secrets read-only, at their default or written targets', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    configs: [settings, { source: other, target: /etc/other.conf }]
    secrets: [token, { source: key, target: ssh_key }]
    x-nest:
      services: {}
configs:
  settings: { file: /srv/settings.yml }
  other: { file: /srv/other.conf }
secrets:
  token: { file: /srv/token }
  key: { file: /srv/key }
`);
    expect(mountsOf(t.node('agent'))).toMatchObject([
      { kind: 'file', target: '/settings', source: '/srv/settings.yml', readOnly: true },
      { kind: 'file', target: '/etc/other.conf', source: '/srv/other.conf' },
      { kind: 'file', target: '/run/secrets/token', source: '/srv/token' },
      { kind: 'file', target: '/run/secrets/ssh_key', source: '/srv/key' },
    ]);
  });

  it('finds an inner config by its flat key and defaults its target to the inner name', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/ci:/ci"]
    x-nest:
      services:
        runner:
          image: r
          configs: [conf]
      configs:
        conf: { file: /ci/runner.toml }
`);
    t.runPaths();
    expect(t.node('agent/runner').service.configs?.[0]?.source).toBe('agent_conf');
    expect(mountsOf(t.node('agent/runner'))).toMatchObject([
      { kind: 'file', target: '/conf', source: '/srv/ci/runner.toml' },
    ]);
  });

  it('leaves out configs with no file', () => {
    const t = buildTree(`
services:
  agent: { image: a, configs: [inline] }
configs:
  inline: { content: "x" }
`);
    expect(mountsOf(t.node('agent'))).toEqual([]);
  });

  it('adds the mounts of volumes_from after its own, read-only with :ro', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/a:/data"]
    volumes_from: ["store:ro", "container:foreign"]
  store:
    image: s
    volumes: ["/srv/store:/data", "/srv/cache:/cache"]
`);
    expect(mountsOf(t.node('agent'))).toMatchObject([
      { kind: 'bind', target: '/data', source: '/srv/a', readOnly: false },
      { kind: 'bind', target: '/data', source: '/srv/store', readOnly: true },
      { kind: 'bind', target: '/cache', source: '/srv/cache', readOnly: true },
    ]);
  });
});

describe('pathMapMounts', () => {
  it('turns host paths into binds and volume entries into volume mounts', () => {
    expect(
      pathMapMounts([
        { container: '/project/', host: { kind: 'path', path: '/home/me/project' } },
        {
          container: '/var/jenkins_home',
          host: { kind: 'volume', name: 'jenkins_home', subpath: '/jobs/' },
        },
        { container: '/builds', host: { kind: 'volume', name: 'gitlab_builds' } },
      ]),
    ).toEqual([
      { kind: 'bind', target: '/project', source: '/home/me/project', readOnly: false },
      {
        kind: 'volume',
        target: '/var/jenkins_home',
        volume: 'jenkins_home',
        subpath: 'jobs',
        readOnly: false,
      },
      { kind: 'volume', target: '/builds', volume: 'gitlab_builds', readOnly: false },
    ]);
  });
});
