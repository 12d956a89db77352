import { describe, expect, it } from 'vitest';
import { isWritten } from '../../model/locations.js';
import { buildTree, TEST_FILE } from './test-tree.js';

/** The diagnostics of a tree as `code@line`, for compact assertions. */
function codes(t: ReturnType<typeof buildTree>): string[] {
  return t.diags.items.map((d) => `${d.code}@${d.loc?.line ?? '?'}`);
}

describe('bind mounts through the chain of parents', () => {
  it('translates a three-level chain to host paths', () => {
    const t = buildTree(`
services:
  jenkins:
    image: j
    volumes: ["/srv/jenkins:/var/jenkins_home"]
    x-nest:
      services:
        agent:
          image: a
          volumes: ["/var/jenkins_home/workspace:/workspace"]
          x-nest:
            services:
              build:
                image: b
                volumes: ["/workspace/app:/app"]
`);
    t.runPaths();
    expect(t.diags.items).toEqual([]);
    expect(t.node('jenkins/agent').service.volumes?.[0]?.source).toBe('/srv/jenkins/workspace');
    expect(t.node('jenkins/agent/build').service.volumes?.[0]).toMatchObject({
      type: 'bind',
      source: '/srv/jenkins/workspace/app',
      target: '/app',
    });
  });

  it('uses the longest matching parent mount', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace", "/srv/cache:/workspace/cache"]
    x-nest:
      services:
        tests:
          image: t
          volumes: ["/workspace/cache/npm:/npm", "/workspace/src:/src"]
`);
    t.runPaths();
    const vols = t.node('agent/tests').service.volumes ?? [];
    expect(vols.map((v) => v.source)).toEqual(['/srv/cache/npm', '/srv/repo/src']);
  });

  it('keeps the position of the rewritten source', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]
    x-nest:
      services:
        tests:
          image: t
          volumes: ["/workspace:/w"]
`);
    t.runPaths();
    const vol = t.node('agent/tests').service.volumes?.[0];
    expect(vol && isWritten(vol, 'source')).toBe(true);
  });

  it('leaves working_dir alone: it is a path inside the container', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]
    x-nest:
      services:
        tests: { image: t, working_dir: /workspace }
`);
    t.runPaths();
    expect(t.node('agent/tests').service.working_dir).toBe('/workspace');
  });
});

describe('read-only parent mounts', () => {
  const tree = (childMode: string, grandchild = '"/npm/x:/x"') =>
    buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/cache:/cache:ro"]
    x-nest:
      services:
        tests:
          image: t
          volumes: ["/cache/npm:/npm${childMode}"]
          x-nest:
            services:
              deep:
                image: d
                volumes: [${grandchild}]
`);

  it('makes the child read-only without marking it as written', () => {
    const t = tree('');
    t.runPaths();
    const vol = t.node('agent/tests').service.volumes?.[0];
    expect(vol).toMatchObject({ source: '/srv/cache/npm', read_only: true });
    expect(vol && isWritten(vol, 'read_only')).toBe(false);
  });

  it('propagates down the chain', () => {
    const t = tree('');
    t.runPaths();
    expect(t.node('agent/tests/deep').service.volumes?.[0]).toMatchObject({
      source: '/srv/cache/npm/x',
      read_only: true,
    });
    expect(t.diags.items).toEqual([]);
  });

  it('accepts an explicit :ro', () => {
    const t = tree(':ro');
    t.runPaths();
    expect(t.diags.items).toEqual([]);
  });

  it('rejects :rw at the entry that wrote it', () => {
    const t = tree(':rw');
    t.runPaths();
    expect(codes(t)).toEqual([`nest-path-read-only@${t.line('/cache/npm:/npm:rw')}`]);
    const d = t.diags.items[0];
    expect(d?.loc?.file).toBe(TEST_FILE);
    expect(d?.summary).toContain('services.agent/tests.volumes[0]');
    expect(d?.related?.[0]?.loc?.line).toBe(t.line('/srv/cache:/cache:ro'));
  });

  it('rejects read_only: false written in the long syntax, at that key', () => {
    const t = tree(
      '',
      `{ type: bind, source: /npm/y, target: /y,
                    read_only: false }`,
    );
    t.runPaths();
    expect(codes(t)).toEqual([`nest-path-read-only@${t.line('read_only: false')}`]);
  });
});

describe('named volumes of the parent', () => {
  const tree = () =>
    buildTree(`
services:
  agent:
    image: a
    volumes: ["cache:/cache", "data:/data:ro"]
    x-nest:
      services:
        tests:
          image: t
          volumes:
            - /cache:/c
            - /cache/npm/:/npm
            - /data/x:/x
            - { type: bind, source: /cache, target: /c2, consistency: cached, bind: { selinux: z } }
volumes:
  cache: {}
  data: {}
`);

  it('mounts the volume itself, with nocopy, at its root', () => {
    const t = tree();
    t.runPaths();
    const vol = t.node('agent/tests').service.volumes?.[0];
    expect(vol).toEqual({
      type: 'volume',
      source: 'cache',
      target: '/c',
      volume: { nocopy: true },
    });
  });

  it('mounts a subpath below its root', () => {
    const t = tree();
    t.runPaths();
    const vols = t.node('agent/tests').service.volumes ?? [];
    expect(vols[1]).toEqual({
      type: 'volume',
      source: 'cache',
      target: '/npm',
      volume: { subpath: 'npm' },
    });
    expect(vols[2]).toEqual({
      type: 'volume',
      source: 'data',
      target: '/x',
      read_only: true,
      volume: { subpath: 'x' },
    });
  });

  it('keeps options that apply to volumes and drops bind options', () => {
    const t = tree();
    t.runPaths();
    const vol = t.node('agent/tests').service.volumes?.[3];
    expect(vol).toEqual({
      type: 'volume',
      source: 'cache',
      target: '/c2',
      consistency: 'cached',
      volume: { nocopy: true },
    });
  });

  it("uses an inner volume's flat key, and joins a parent's subpath", () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]
    x-nest:
      services:
        runner:
          image: r
          volumes: [{ type: volume, source: work, target: /work, volume: { subpath: jobs } }]
          x-nest:
            services:
              step: { image: s, volumes: ["/work/1:/job"] }
      volumes:
        work: {}
`);
    t.runPaths();
    expect(t.node('agent/runner/step').service.volumes?.[0]).toMatchObject({
      type: 'volume',
      source: 'agent_work',
      volume: { subpath: 'jobs/1' },
    });
  });
});

describe('paths a sibling cannot see', () => {
  it('rejects a source under no parent mount, naming the parent', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]
    x-nest:
      services:
        tests:
          image: t
          volumes: ["/opt/data:/data"]
`);
    t.runPaths();
    expect(codes(t)).toEqual([`nest-path-unmounted@${t.line('/opt/data:/data')}`]);
    const d = t.diags.items[0];
    expect(d?.summary).toBe(
      'services.agent/tests.volumes[0]: /opt/data is not under any mount of agent, so the host cannot see it',
    );
    expect(d?.hint).toContain('into agent first');
  });

  it('rejects a source in an anonymous volume of the parent', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    volumes: ["/var/lib/docker"]
    x-nest:
      services:
        tests:
          image: t
          volumes: ["/var/lib/docker/x:/x"]
`);
    t.runPaths();
    expect(codes(t)).toEqual([`nest-path-not-shared@${t.line('/var/lib/docker/x:/x')}`]);
    expect(t.diags.items[0]?.summary).toContain(
      '/var/lib/docker/x is inside an anonymous volume that agent mounts at /var/lib/docker',
    );
  });

  it('rejects a source in a tmpfs of the parent', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    tmpfs: [/tmp]
    x-nest:
      services:
        tests:
          image: t
          volumes:
            - type: bind
              source: /tmp/x
              target: /x
`);
    t.runPaths();
    expect(codes(t)).toEqual([`nest-path-in-tmpfs@${t.line('source: /tmp/x')}`]);
    expect(t.diags.items[0]?.related?.[0]?.loc?.line).toBe(t.line('tmpfs: [/tmp]'));
  });
});

describe('config and secret files of the parent', () => {
  it('binds the host file a child mounts from a file config, read-only', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    configs: [settings]
    x-nest:
      services:
        tests: { image: t, volumes: ["/settings:/etc/app.yml"] }
configs:
  settings: { file: /srv/settings.yml }
`);
    t.runPaths();
    expect(t.node('agent/tests').service.volumes?.[0]).toMatchObject({
      type: 'bind',
      source: '/srv/settings.yml',
      read_only: true,
    });
  });
});

describe('build, env_file and file-based resources', () => {
  const tree = (context: string) =>
    buildTree(`
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace", "cache:/cache"]
    x-nest:
      services:
        app:
          build:
            context: ${context}
            dockerfile: /workspace/docker/Dockerfile
          env_file: [/workspace/.env]
        remote:
          build: { context: "https://github.com/example/app.git", dockerfile: Dockerfile }
      configs:
        conf: { file: /workspace/conf.toml }
      secrets:
        token: { file: /cache/token }
volumes:
  cache: {}
`);

  it('translates the build context and an absolute Dockerfile', () => {
    const t = tree('/workspace/app');
    t.runPaths();
    expect(t.node('agent/app').service.build).toMatchObject({
      context: '/srv/repo/app',
      dockerfile: '/srv/repo/docker/Dockerfile',
    });
  });

  it('leaves remote contexts and relative Dockerfiles alone', () => {
    const t = tree('/workspace/app');
    t.runPaths();
    expect(t.node('agent/remote').service.build).toMatchObject({
      context: 'https://github.com/example/app.git',
      dockerfile: 'Dockerfile',
    });
  });

  it('translates env_file entries and config files of the scope', () => {
    const t = tree('/workspace/app');
    t.runPaths();
    expect(t.node('agent/app').service.env_file?.[0]?.path).toBe('/srv/repo/.env');
    expect(t.node('agent').child?.configs.conf?.file).toBe('/srv/repo/conf.toml');
  });

  it('rejects a secret file inside a named volume', () => {
    const t = tree('/workspace/app');
    t.runPaths();
    expect(codes(t)).toEqual([`nest-file-not-host@${t.line('file: /cache/token')}`]);
  });

  it('rejects a build context inside a named volume', () => {
    const t = tree('/cache/app');
    t.runPaths();
    expect(codes(t)).toContain(`nest-build-context-not-host@${t.line('context: /cache/app')}`);
    expect(t.node('agent/app').service.build?.context).toBe('/cache/app');
  });

  it('rejects a build context under no mount with the generic error', () => {
    const t = tree('/opt/app');
    t.runPaths();
    expect(codes(t)).toContain(`nest-path-unmounted@${t.line('context: /opt/app')}`);
  });
});

describe('the root scope and --path-map', () => {
  const yaml = (extra = '') => `
services:
  agent:
    image: a
    volumes:
      - /var/jenkins_home/workspace/job:/ws
      - /project/src:/src
      - /etc/ssl:/ssl:ro
    x-nest:
      services:
        tests: { image: t, volumes: ["/ws/app:/app"] }
${extra}`;
  const pathMap = [
    { container: '/var/jenkins_home', host: { kind: 'volume' as const, name: 'jenkins_home' } },
    { container: '/project', host: { kind: 'path' as const, path: '/home/me/project' } },
  ];

  it('leaves every root path as it is without a path map', () => {
    const t = buildTree(yaml());
    t.runPaths();
    expect(t.node('agent').service.volumes?.map((v) => v.source)).toEqual([
      '/var/jenkins_home/workspace/job',
      '/project/src',
      '/etc/ssl',
    ]);
  });

  it('maps root binds through the path map and leaves unmapped paths alone', () => {
    const t = buildTree(yaml(), { pathMap });
    t.runPaths();
    expect(t.diags.items).toEqual([]);
    const vols = t.node('agent').service.volumes ?? [];
    expect(vols[0]).toEqual({
      type: 'volume',
      source: 'jenkins_home',
      target: '/ws',
      volume: { subpath: 'workspace/job' },
    });
    expect(vols[1]?.source).toBe('/home/me/project/src');
    expect(vols[2]?.source).toBe('/etc/ssl');
  });

  it('declares the mapped engine volume as external on the root scope', () => {
    const t = buildTree(yaml(), { pathMap });
    t.runPaths();
    expect(t.root.volumes.jenkins_home).toEqual({ name: 'jenkins_home', external: true });
    expect(t.root.keys.volumes.get('jenkins_home')).toBe('jenkins_home');
  });

  it('carries the mapped volume down to a child', () => {
    const t = buildTree(yaml(), { pathMap });
    t.runPaths();
    expect(t.node('agent/tests').service.volumes?.[0]).toMatchObject({
      type: 'volume',
      source: 'jenkins_home',
      volume: { subpath: 'workspace/job/app' },
    });
  });

  it('reuses a root volume that already is that engine volume', () => {
    const t = buildTree(yaml('volumes:\n  jh: { external: true, name: jenkins_home }'), {
      pathMap,
    });
    t.runPaths();
    expect(t.node('agent').service.volumes?.[0]?.source).toBe('jh');
    expect(Object.keys(t.root.volumes)).toEqual(['jh']);
  });

  it('picks another key when the engine name is a key of a different volume', () => {
    const t = buildTree(yaml('volumes:\n  jenkins_home: {}'), { pathMap });
    t.runPaths();
    expect(t.node('agent').service.volumes?.[0]?.source).toBe('jenkins_home_host');
    expect(t.root.volumes.jenkins_home_host).toEqual({ name: 'jenkins_home', external: true });
    expect(t.root.volumes.jenkins_home?.name).toBe('ci_jenkins_home');
  });

  it('declares nothing for a mapped volume no path lands in', () => {
    const t = buildTree(
      `
services:
  agent: { image: a, volumes: ["/project:/p"] }
`,
      { pathMap },
    );
    t.runPaths();
    expect(t.root.volumes).toEqual({});
  });

  it('rejects a root build context inside a mapped volume', () => {
    const t = buildTree(
      `
services:
  app:
    build: { context: /var/jenkins_home/app }
`,
      { pathMap },
    );
    t.runPaths();
    expect(codes(t)).toEqual([
      `nest-build-context-not-host@${t.line('context: /var/jenkins_home/app')}`,
    ]);
  });
});
