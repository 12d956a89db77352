import { describe, expect, it } from 'vitest';
import { EngineError } from './engine-error.js';
import { MemoryEngine } from './memory-engine.js';

const IMAGE = 'nestc-test/busybox:1';
const body = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Image: IMAGE,
  Labels: { 'io.nestc.project': 'app' },
  ...extra,
});
const published = (port: string, hostIp = '127.0.0.1') => ({
  HostConfig: { PortBindings: { '80/tcp': [{ HostIp: hostIp, HostPort: port }] } },
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return (err as EngineError).code;
}

describe('MemoryEngine', () => {
  it('creates, starts and lists a container, counting every write', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    const id = await e.containers.create('web-1', body(published('8080')));
    await e.containers.start('web-1');
    const [c] = await e.containers.list({ label: ['io.nestc.project=app'] });
    expect(c).toMatchObject({
      id,
      name: 'web-1',
      state: 'running',
      health: 'none',
      networks: ['bridge'],
      ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    });
    expect(e.stats.writes).toBe(2);
    expect(e.stats.writesByOp).toEqual({ 'container.create': 1, 'container.start': 1 });
  });

  it('starting a running container is not an error (and still a write)', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('a', body());
    await e.containers.start('a');
    await e.containers.start('a');
    expect(e.stats.writesByOp['container.start']).toBe(2);
  });

  it('refuses a second container of the same name with engine-name-in-use', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('web-1', body());
    expect(await codeOf(e.containers.create('web-1', body()))).toBe('engine-name-in-use');
  });

  it('refuses a missing image with engine-not-found naming the image', async () => {
    const e = new MemoryEngine();
    const err = (await e.containers.create('a', body()).catch((x: unknown) => x)) as EngineError;
    expect(err.code).toBe('engine-not-found');
    expect(err.diagnostic.summary).toBe(`image "${IMAGE}" is not present on the engine`);
  });

  it('finds images by their short name', async () => {
    const e = new MemoryEngine({ images: ['busybox'] });
    expect(await e.images.exists('busybox:latest')).toBe(true);
    expect(await e.images.exists('docker.io/library/busybox')).toBe(true);
    expect(await e.images.exists('alpine')).toBe(false);
  });

  it('fails a start whose host port a running container holds, with engine-port-taken', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('a', body(published('8080', '')));
    await e.containers.create('b', body(published('8080')));
    await e.containers.start('a');
    const err = (await e.containers.start('b').catch((x: unknown) => x)) as EngineError;
    expect(err.code).toBe('engine-port-taken');
    expect(err.diagnostic.summary).toBe(
      'starting container "b": host port 127.0.0.1:8080 is already allocated by another container',
    );
  });

  it('fails a start on a port a process outside the engine holds', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    e.holdHostPort('127.0.0.1', 9000);
    await e.containers.create('a', body(published('9000')));
    const err = (await e.containers.start('a').catch((x: unknown) => x)) as EngineError;
    expect(err.code).toBe('engine-port-taken');
    expect(err.diagnostic.summary).toContain('is in use by a process outside the engine');
  });

  it('gives a binding without a host port an ephemeral one', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('a', body(published('')));
    await e.containers.start('a');
    const d = await e.containers.inspect('a');
    expect(d.ports[0]?.hostPort).toBeGreaterThanOrEqual(32768);
    expect(d.portBindings[0]?.hostPort).toBe(0);
  });

  it('takes one network at create below API 1.44, several from 1.44', async () => {
    const twoNets = {
      NetworkingConfig: { EndpointsConfig: { n1: { Aliases: ['web'] }, n2: {} } },
    };
    for (const [api, ok] of [
      ['1.41', false],
      ['1.44', true],
    ] as const) {
      const e = new MemoryEngine({ images: [IMAGE], apiVersion: api });
      await e.networks.create({ Name: 'n1' });
      await e.networks.create({ Name: 'n2' });
      const result = await e.containers.create('a', body(twoNets)).then(
        () => 'ok',
        (x: EngineError) => x.code,
      );
      expect(result).toBe(ok ? 'ok' : 'engine-error');
    }
  });

  it('connects a container to a network with aliases, once', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.networks.create({ Name: 'back' });
    await e.containers.create('a', body());
    await e.containers.connect('a', { network: 'back', aliases: ['db'] });
    expect(e.container('a').networks.get('back')).toEqual({ aliases: ['db'] });
    expect((await e.containers.inspect('a')).networks).toEqual(['back', 'bridge']);
    expect(await codeOf(e.containers.connect('a', { network: 'back' }))).toBe('engine-error');
    expect(await codeOf(e.containers.connect('a', { network: 'nope' }))).toBe('engine-not-found');
  });

  it('refuses a duplicate network name, and removing a network in use', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.networks.create({ Name: 'back', Labels: { 'io.nestc.project': 'app' } });
    expect(await codeOf(e.networks.create({ Name: 'back' }))).toBe('engine-name-in-use');
    await e.containers.create('a', body({ HostConfig: { NetworkMode: 'back' } }));
    expect(await codeOf(e.networks.remove('back'))).toBe('engine-error');
    await e.containers.remove('a');
    await e.networks.remove('back');
    expect((await e.networks.list()).map((n) => n.name)).toEqual(['bridge', 'host', 'none']);
  });

  it('returns an existing volume unchanged on create, as the engine does', async () => {
    const e = new MemoryEngine();
    await e.volumes.create({ Name: 'data', Labels: { owner: 'first' } });
    expect(await e.volumes.create({ Name: 'data', Labels: { owner: 'second' } })).toBe('data');
    expect(await e.volumes.list({ label: ['owner'] })).toEqual([
      { name: 'data', driver: 'local', labels: { owner: 'first' } },
    ]);
  });

  it('refuses to remove a running container without force', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('a', body());
    await e.containers.start('a');
    expect(await codeOf(e.containers.remove('a'))).toBe('engine-error');
    await e.containers.remove('a', { force: true });
    expect(await e.containers.list()).toEqual([]);
    expect(await codeOf(e.containers.inspect('a'))).toBe('engine-not-found');
  });

  it('waits for health set by the test, polling inspect', async () => {
    const e = new MemoryEngine({
      images: [IMAGE],
      onStart: (c) => setTimeout(() => (c.health = 'healthy'), 30),
    });
    await e.containers.create('db', body({ Healthcheck: { Test: ['CMD', 'true'] } }));
    await e.containers.start('db');
    expect((await e.containers.inspect('db')).health).toBe('starting');
    const r = await e.containers.waitHealthy('db', { timeoutMs: 2000, intervalMs: 5 });
    expect(r.outcome).toBe('healthy');
    expect(e.stats.readsByOp['container.inspect']).toBeGreaterThan(2);
  });

  it('ends a health wait with timeout, unhealthy, or no-healthcheck', async () => {
    const e = new MemoryEngine({ images: [IMAGE] });
    await e.containers.create('db', body({ Healthcheck: { Test: ['CMD', 'true'] } }));
    await e.containers.create('plain', body());
    await e.containers.start('db');
    await e.containers.start('plain');
    const opts = { timeoutMs: 30, intervalMs: 5 };
    expect((await e.containers.waitHealthy('db', opts)).outcome).toBe('timeout');
    expect((await e.containers.waitHealthy('plain', opts)).outcome).toBe('no-healthcheck');
    e.setHealth('db', 'unhealthy');
    expect((await e.containers.waitHealthy('db', opts)).outcome).toBe('unhealthy');
    e.exit('db', 1);
    expect((await e.containers.waitHealthy('db', opts)).outcome).toBe('exited');
  });

  it('waits for a container to exit and reports its exit code', async () => {
    const e = new MemoryEngine({
      images: [IMAGE],
      onStart: (c) => setTimeout(() => e.exit(c.name, 3), 20),
    });
    await e.containers.create('job', body());
    await e.containers.start('job');
    const r = await e.containers.waitExited('job', { timeoutMs: 2000, intervalMs: 5 });
    expect(r).toMatchObject({ outcome: 'exited', exitCode: 3 });
  });

  it('fails the next call as told, classified like a real failure', async () => {
    const e = new MemoryEngine();
    e.failNext(
      'container.list',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    const err = (await e.containers.list().catch((x: unknown) => x)) as EngineError;
    expect(err.code).toBe('engine-unreachable');
    expect(err.diagnostic.summary).toBe('no Docker engine answers at memory://engine');
    expect(await e.containers.list()).toEqual([]);
    expect(e.stats.reads).toBe(2);
  });

  it('reports the negotiated API version and the engine one', async () => {
    const e = new MemoryEngine({ apiVersion: '1.51' });
    expect(await e.system.version()).toMatchObject({
      apiVersion: '1.47',
      engineApiVersion: '1.51',
    });
    await e.system.version();
    expect(e.stats.readsByOp['system.version']).toBe(1);
  });
});
