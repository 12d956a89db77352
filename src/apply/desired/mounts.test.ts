import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerOf, desiredOf, positionOf } from './test-compile.js';

function hostOf(r: ReturnType<typeof desiredOf>, name = 'demo-web-1') {
  return containerOf(r, name).create.HostConfig as { Binds?: string[]; Mounts?: unknown[] };
}

describe('mounts', () => {
  it('sends binds the engine may create as Binds strings, with mode, relabel and propagation', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    volumes:
      - ./src:/src
      - ./ro:/ro:ro,z
      - { type: bind, source: ./p, target: /p, bind: { propagation: rslave } }
      - { type: bind, source: ./plain, target: /plain }
`);
    const d = r.dir;
    expect(hostOf(r).Binds).toEqual([
      `${path.join(d, 'src')}:/src:rw`,
      `${path.join(d, 'ro')}:/ro:ro,z`,
      `${path.join(d, 'p')}:/p:rw,rslave`,
      `${path.join(d, 'plain')}:/plain:rw`,
    ]);
    expect(hostOf(r).Mounts).toBeUndefined();
  });

  it('sends a bind with create_host_path: false as a Mounts bind, which the engine never creates', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    volumes:
      - { type: bind, source: /srv/in, target: /in, read_only: true, bind: { create_host_path: false, propagation: shared } }
`);
    expect(hostOf(r).Binds).toBeUndefined();
    expect(hostOf(r).Mounts).toEqual([
      {
        Type: 'bind',
        Source: '/srv/in',
        Target: '/in',
        ReadOnly: true,
        BindOptions: { Propagation: 'shared' },
      },
    ]);
  });

  it('mounts named volumes by engine name, anonymous volumes and tmpfs with options', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    volumes:
      - data:/data:ro
      - { type: volume, source: data, target: /copy, volume: { nocopy: true } }
      - /anon
      - { type: tmpfs, target: /t, tmpfs: { size: 1m, mode: 0o1777 } }
volumes:
  data: {}
`);
    expect(hostOf(r).Mounts).toEqual([
      { Type: 'volume', Source: 'demo_data', Target: '/data', ReadOnly: true },
      { Type: 'volume', Source: 'demo_data', Target: '/copy', VolumeOptions: { NoCopy: true } },
      { Type: 'volume', Target: '/anon' },
      { Type: 'tmpfs', Target: '/t', TmpfsOptions: { SizeBytes: 1024 * 1024, Mode: 0o1777 } },
    ]);
    expect(r.state?.minApiVersion).toBeUndefined();
  });

  it('needs API 1.45 for a volume subpath, located at the mount', () => {
    const yaml = `
name: demo
services:
  web:
    image: x
    volumes:
      - { type: volume, source: data, target: /npm, volume: { subpath: npm } }
volumes:
  data: {}
`;
    const r = desiredOf(yaml);
    expect(hostOf(r).Mounts).toEqual([
      { Type: 'volume', Source: 'demo_data', Target: '/npm', VolumeOptions: { Subpath: 'npm' } },
    ]);
    const need = r.state?.minApiVersion;
    expect(need?.version).toBe('1.45');
    expect(need?.why).toContain('services.web.volumes[0]');
    expect(need?.loc?.file).toBe(r.file);
    expect(need?.loc?.line).toBe(positionOf(yaml, '{ type: volume').line);
  });

  it('bind-mounts file-based secrets and configs read-only at their targets', () => {
    const r = desiredOf(
      `
name: demo
services:
  web:
    image: x
    secrets: [token, { source: token, target: other }]
    configs: [{ source: app, target: /etc/app.ini }, app]
secrets:
  token: { file: ./token.txt }
configs:
  app: { file: ./app.ini }
`,
      {},
      { 'token.txt': 's3cret', 'app.ini': '[x]' },
    );
    const d = r.dir;
    expect(hostOf(r).Mounts).toEqual([
      {
        Type: 'bind',
        Source: path.join(d, 'token.txt'),
        Target: '/run/secrets/token',
        ReadOnly: true,
      },
      {
        Type: 'bind',
        Source: path.join(d, 'token.txt'),
        Target: '/run/secrets/other',
        ReadOnly: true,
      },
      { Type: 'bind', Source: path.join(d, 'app.ini'), Target: '/etc/app.ini', ReadOnly: true },
      { Type: 'bind', Source: path.join(d, 'app.ini'), Target: '/app', ReadOnly: true },
    ]);
  });

  it('refuses a config made from content, at the service entry', () => {
    const yaml = `
name: demo
services:
  web:
    image: x
    configs: [inline]
configs:
  inline: { content: "hello" }
`;
    const r = desiredOf(yaml);
    expect(r.state).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'apply-unsupported');
    expect(d?.summary).toBe(
      'services.web.configs[0]: config "inline" is not a file; nestc mounts only file-based configs',
    );
    expect(d?.loc?.line).toBe(positionOf(yaml, 'configs: [inline]').line);
  });
});
