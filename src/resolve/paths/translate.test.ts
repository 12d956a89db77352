import { describe, expect, it } from 'vitest';
import type { Mount } from './mounts.js';
import { joinSub, normalizeAbs, translatePath } from './translate.js';

const bind = (target: string, source: string, readOnly = false): Mount => ({
  kind: 'bind',
  target,
  source,
  readOnly,
});

describe('translatePath', () => {
  it('appends the rest of the path to the source of the matching bind', () => {
    const t = translatePath('/workspace/app/src', [bind('/workspace', '/srv/ci/repo')]);
    expect(t).toMatchObject({ kind: 'bind', source: '/srv/ci/repo/app/src', readOnly: false });
  });

  it('lets the longest matching target win, whatever the order', () => {
    const mounts = [bind('/workspace/cache', '/srv/cache'), bind('/workspace', '/srv/repo')];
    expect(translatePath('/workspace/cache/npm', mounts)).toMatchObject({
      source: '/srv/cache/npm',
    });
    expect(translatePath('/workspace/cache/npm', [...mounts].reverse())).toMatchObject({
      source: '/srv/cache/npm',
    });
    expect(translatePath('/workspace/other', mounts)).toMatchObject({ source: '/srv/repo/other' });
  });

  it('matches whole components only', () => {
    expect(translatePath('/cachex/a', [bind('/cache', '/srv/cache')])).toEqual({
      kind: 'unmounted',
    });
  });

  it('normalizes dot segments and trailing slashes before matching', () => {
    const mounts = [bind('/cache/', '/srv/cache'), bind('/data', '/srv/data')];
    expect(translatePath('/data/../cache/./x/', mounts)).toMatchObject({ source: '/srv/cache/x' });
    expect(translatePath('/cache', mounts)).toMatchObject({ source: '/srv/cache' });
  });

  it('takes the first of two mounts at the same target', () => {
    const t = translatePath('/a/b', [bind('/a', '/first'), bind('/a', '/second')]);
    expect(t).toMatchObject({ source: '/first/b' });
  });

  it('carries read-only and the mount it went through', () => {
    const m = bind('/ro', '/srv/ro', true);
    expect(translatePath('/ro/x', [m])).toEqual({
      kind: 'bind',
      source: '/srv/ro/x',
      readOnly: true,
      via: m,
    });
  });

  it('joins the rest to a volume subpath', () => {
    const m: Mount = {
      kind: 'volume',
      target: '/data',
      volume: 'ci_data',
      subpath: 'a',
      readOnly: false,
    };
    expect(translatePath('/data/b/c', [m])).toMatchObject({
      kind: 'volume',
      volume: 'ci_data',
      subpath: 'a/b/c',
    });
    expect(translatePath('/data', [m])).toMatchObject({ subpath: 'a' });
  });

  it('gives no subpath at the root of a volume', () => {
    const m: Mount = { kind: 'volume', target: '/data', volume: 'ci_data', readOnly: true };
    const t = translatePath('/data', [m]);
    expect(t).toEqual({ kind: 'volume', volume: 'ci_data', readOnly: true, via: m });
  });

  it('holds only its own path for a file mount', () => {
    const file: Mount = {
      kind: 'file',
      target: '/run/secrets/token',
      source: '/srv/token',
      readOnly: true,
    };
    const run = bind('/run', '/srv/run');
    expect(translatePath('/run/secrets/token', [run, file])).toMatchObject({
      kind: 'bind',
      source: '/srv/token',
      readOnly: true,
    });
    expect(translatePath('/run/secrets/token/x', [run, file])).toMatchObject({
      source: '/srv/run/secrets/token/x',
    });
  });

  it('reports tmpfs, anonymous volumes and image mounts as what they are', () => {
    const tmp: Mount = { kind: 'tmpfs', target: '/tmp' };
    const anon: Mount = { kind: 'anonymous', target: '/var/lib/x' };
    const img: Mount = { kind: 'image', target: '/opt/tools', image: 'tools:1' };
    expect(translatePath('/tmp/a', [tmp])).toEqual({ kind: 'tmpfs', via: tmp });
    expect(translatePath('/var/lib/x/y', [anon])).toEqual({ kind: 'opaque', via: anon });
    expect(translatePath('/opt/tools', [img])).toEqual({ kind: 'opaque', via: img });
  });

  it('maps everything under a mount at /', () => {
    expect(translatePath('/etc/x', [bind('/', '/srv/rootfs')])).toMatchObject({
      source: '/srv/rootfs/etc/x',
    });
  });
});

describe('path helpers', () => {
  it('normalizes like path.Clean', () => {
    expect(normalizeAbs('/a//b/./c/../')).toBe('/a/b');
    expect(normalizeAbs('/')).toBe('/');
  });

  it('joins subpaths without leading or trailing slashes', () => {
    expect(joinSub(undefined, '')).toBeUndefined();
    expect(joinSub('a/', 'b/')).toBe('a/b');
    expect(joinSub('', 'x')).toBe('x');
  });
});
