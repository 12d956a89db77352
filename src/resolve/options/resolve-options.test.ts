import { describe, expect, it } from 'vitest';
import { codeInfo } from '../../diag/codes/index.js';
import { resolveOptionsFor, type HostProbe } from './resolve-options.js';

const ID = 'c'.repeat(64);
const host = (over: Partial<HostProbe> = {}): HostProbe => ({
  env: {},
  stat: () => undefined,
  containerId: () => undefined,
  ...over,
});

describe('resolveOptionsFor', () => {
  it('passes the flags through', () => {
    const pathMap = [{ container: '/w', host: { kind: 'path' as const, path: '/srv/w' } }];
    const { options } = resolveOptionsFor(
      { portRange: { from: 30000, to: 30009 }, strictPorts: true, pathMap },
      host(),
    );
    expect(options).toEqual({ portRange: { from: 30000, to: 30009 }, strictPorts: true, pathMap });
  });

  it('takes DOCKER_HOST and the group of its socket', () => {
    const { options } = resolveOptionsFor(
      {},
      host({
        env: { DOCKER_HOST: 'unix:///srv/d.sock' },
        stat: (p) => (p === '/srv/d.sock' ? { gid: 133 } : undefined),
      }),
    );
    expect(options).toEqual({ dockerHost: 'unix:///srv/d.sock', socketGid: 133 });
  });

  it('treats an empty DOCKER_HOST as unset', () => {
    const { options } = resolveOptionsFor({}, host({ env: { DOCKER_HOST: '' } }));
    expect(options).toEqual({});
  });

  it('warns, with a declared code and no location, in a container without --path-map', () => {
    const { diagnostics } = resolveOptionsFor({ pathMap: [] }, host({ containerId: () => ID }));
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ code: 'nest-in-container-no-path-map', severity: 'warning' });
    expect(d.loc).toBeUndefined();
    expect(d.summary).toContain(`container ${ID.slice(0, 12)} `);
    expect(codeInfo(d.code)).toBeDefined();
  });

  it('does not warn with a --path-map, nor outside a container', () => {
    const pathMap = [{ container: '/w', host: { kind: 'path' as const, path: '/srv/w' } }];
    expect(resolveOptionsFor({ pathMap }, host({ containerId: () => ID })).diagnostics).toEqual([]);
    expect(resolveOptionsFor({}, host()).diagnostics).toEqual([]);
  });
});
