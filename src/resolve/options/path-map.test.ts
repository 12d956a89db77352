import { describe, expect, it } from 'vitest';
import { parsePathMap } from './path-map.js';

describe('parsePathMap', () => {
  it('reads a container path and a host path, normalized', () => {
    expect(parsePathMap('/workspace/./ci/=/srv/ci//checkout/')).toEqual({
      ok: true,
      value: { container: '/workspace/ci', host: { kind: 'path', path: '/srv/ci/checkout' } },
    });
  });

  it('reads a named volume, with and without a path below its root', () => {
    expect(parsePathMap('/var/jenkins_home=volume:jenkins_home')).toEqual({
      ok: true,
      value: { container: '/var/jenkins_home', host: { kind: 'volume', name: 'jenkins_home' } },
    });
    expect(parsePathMap('/builds=volume:gitlab-builds/group/proj/')).toEqual({
      ok: true,
      value: {
        container: '/builds',
        host: { kind: 'volume', name: 'gitlab-builds', subpath: 'group/proj' },
      },
    });
  });

  it('splits at the first "=", so a host path may hold one', () => {
    const r = parsePathMap('/w=/srv/a=b');
    expect(r.ok && r.value.host).toEqual({ kind: 'path', path: '/srv/a=b' });
  });

  it.each([
    ['/workspace', 'has no "="'],
    ['workspace=/srv/ci', 'container path "workspace" in "workspace=/srv/ci" is not absolute'],
    ['/workspace=srv/ci', 'host path "srv/ci" in "/workspace=srv/ci" is not absolute'],
    ['/workspace=', 'host path "" in "/workspace=" is not absolute'],
    ['/w=volume:', '"" in "/w=volume:" is not a volume name'],
    ['/w=volume:-bad', 'is not a volume name'],
    ['/w=volume:data/../../etc', 'leaves the volume'],
  ])('rejects %j, saying why', (text, message) => {
    const r = parsePathMap(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
