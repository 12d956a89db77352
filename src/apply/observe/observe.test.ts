import { describe, expect, it } from 'vitest';
import { MemoryEngine } from '../../engine/memory-engine.js';
import { LABELS } from '../types.js';
import { observe } from './observe.js';

const IMAGE = 'nestc-test/busybox:1';
const of = (project: string): Record<string, string> => ({ [LABELS.project]: project });
const publish = (hostPort: string, hostIp = '127.0.0.1') => ({
  HostConfig: { PortBindings: { '80/tcp': [{ HostIp: hostIp, HostPort: hostPort }] } },
});

/** Project `app` (a running web with a port, a stopped job with a port), project `other`
 * (a running db with a port), an unlabelled running container with a port, and resources. */
async function world(): Promise<MemoryEngine> {
  const e = new MemoryEngine({ images: [IMAGE] });
  await e.networks.create({ Name: 'app_default', Labels: of('app') });
  await e.networks.create({ Name: 'other_default', Labels: of('other') });
  await e.volumes.create({ Name: 'app_data', Labels: of('app') });
  await e.volumes.create({ Name: 'loose' });
  const create = (name: string, labels: Record<string, string>, extra = {}) =>
    e.containers.create(name, { Image: IMAGE, Labels: labels, ...extra });
  await create('app-web-1', of('app'), {
    ...publish('8080'),
    HostConfig: { ...publish('8080').HostConfig, NetworkMode: 'app_default' },
  });
  await create('app-job-1', of('app'), publish('8081'));
  await create('other-db-1', of('other'), publish('5432', ''));
  await create('stray', {}, publish('9000'));
  await create('stray-stopped', {}, publish('9001'));
  for (const n of ['app-web-1', 'other-db-1', 'stray']) await e.containers.start(n);
  return e;
}

describe('observe', () => {
  it("keeps the project's containers, networks and volumes, by label, in name order", async () => {
    const o = await observe(await world(), 'app');
    expect(o.containers.map((c) => [c.name, c.state])).toEqual([
      ['app-job-1', 'created'],
      ['app-web-1', 'running'],
    ]);
    expect(o.networks.map((n) => n.name)).toEqual(['app_default']);
    expect(o.volumes).toEqual([{ name: 'app_data', labels: of('app') }]);
  });

  it('reports a running container as listed: ports, networks, health, image', async () => {
    const e = await world();
    const o = await observe(e, 'app');
    const web = o.containers.find((c) => c.name === 'app-web-1');
    expect(web).toEqual({
      id: e.container('app-web-1').id,
      name: 'app-web-1',
      labels: of('app'),
      state: 'running',
      health: 'none',
      ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      networks: ['app_default'],
      imageId: e.container('app-web-1').imageId,
    });
  });

  it('reads the bindings of a project container that is not running from inspect', async () => {
    const e = await world();
    const o = await observe(e, 'app');
    expect(o.containers.find((c) => c.name === 'app-job-1')?.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 8081, containerPort: 80, protocol: 'tcp' },
    ]);
    expect(e.stats.readsByOp['container.inspect']).toBe(1);
  });

  it('lists the ports held by running containers of other projects and of no project', async () => {
    const o = await observe(await world(), 'app');
    expect(o.foreignPorts).toEqual([
      { hostIp: '', port: 5432, protocol: 'tcp', owner: 'other-db-1' },
      { hostIp: '127.0.0.1', port: 9000, protocol: 'tcp', owner: 'stray' },
    ]);
  });

  it('maps every container name to its project label', async () => {
    const o = await observe(await world(), 'app');
    expect([...o.containerNames]).toEqual([
      ['app-job-1', 'app'],
      ['app-web-1', 'app'],
      ['other-db-1', 'other'],
      ['stray', undefined],
      ['stray-stopped', undefined],
    ]);
  });

  it('lists every network and volume name, and the images by tag and id', async () => {
    const e = await world();
    const o = await observe(e, 'app');
    expect([...o.networkNames]).toEqual(['app_default', 'bridge', 'host', 'none', 'other_default']);
    expect([...o.volumeNames]).toEqual(['app_data', 'loose']);
    expect(o.images.has(IMAGE)).toBe(true);
    expect(o.images.has(e.container('app-web-1').imageId)).toBe(true);
  });

  it('reports the negotiated API version', async () => {
    const e = new MemoryEngine({ apiVersion: '1.43' });
    expect((await observe(e, 'app')).apiVersion).toBe('1.43');
  });

  it('makes no writes, and one call per kind of object', async () => {
    const e = await world();
    const before = e.stats.snapshot();
    await observe(e, 'app');
    const after = e.stats.snapshot();
    expect(after.writes).toBe(before.writes);
    const delta = (op: string): number => (after.readsByOp[op] ?? 0) - (before.readsByOp[op] ?? 0);
    expect(delta('container.list')).toBe(1);
    expect(delta('network.list')).toBe(1);
    expect(delta('volume.list')).toBe(1);
    expect(delta('image.list')).toBe(1);
  });

  it('issues the list calls concurrently', async () => {
    let inFlight = 0;
    let peak = 0;
    const logger = (op: string): void => {
      if (op.startsWith('engine →')) peak = Math.max(peak, ++inFlight);
      else inFlight--;
    };
    const traced = new MemoryEngine({ images: [IMAGE], logger: { debug: logger } });
    await observe(traced, 'app');
    expect(peak).toBeGreaterThanOrEqual(4);
  });

  it('passes an engine failure on as the typed error', async () => {
    const e = await world();
    e.failNext('network.list', Object.assign(new Error('connect EACCES'), { code: 'EACCES' }));
    await expect(observe(e, 'app')).rejects.toMatchObject({ code: 'engine-permission-denied' });
  });
});
