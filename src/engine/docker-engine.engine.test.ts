import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateApiVersion } from './api-version.js';
import { connectEngine } from './connect-engine.js';
import type { Engine } from './engine.js';
import { EngineError } from './engine-error.js';
import { cleanupTestRun, newTestRun, requireEngine, TEST_IMAGE } from './engine-test-run.js';

// Against the real engine (scripts/test.sh starts one): the clients, their counting, and the
// error codes as the engine really answers, through both transports.
const run = newTestRun();

function sleeper(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Image: TEST_IMAGE, Cmd: ['sleep', '300'], Labels: run.labels, StopTimeout: 1, ...extra };
}

function publish(hostPort: string): Record<string, unknown> {
  return {
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: hostPort }] } },
  };
}

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe.each(['http', 'dockerode'] as const)('the engine over %s', (client) => {
  const name = (suffix: string): string => `nestc-test-${run.id}-${client}-${suffix}`;
  let engine: Engine;

  beforeAll(async () => {
    engine = await requireEngine({ client });
  });

  afterAll(async () => {
    if (engine) await cleanupTestRun(engine, run.id);
  });

  it('negotiates the API version the engine offers, with one ping', async () => {
    expect(await engine.system.apiVersion()).toBe(await engine.system.apiVersion());
    expect(engine.stats.readsByOp['system.ping']).toBe(1);
    const v = await engine.system.version();
    expect(v.engineApiVersion).toMatch(/^1\.\d+$/);
    expect(v.apiVersion).toBe(negotiateApiVersion(v.engineApiVersion));
    expect(v.engineVersion).not.toBe('');
    await engine.system.ping();
  });

  it('creates, connects, starts, health-waits, stops and removes, counting each write', async () => {
    const before = engine.stats.snapshot();
    const front = name('front');
    const back = name('back');
    await engine.networks.create({ Name: front, Labels: run.labels });
    await engine.networks.create({ Name: back, Labels: run.labels });
    const web = name('web');
    const id = await engine.containers.create(
      web,
      sleeper({
        Healthcheck: { Test: ['CMD', 'true'], Interval: 100_000_000, Retries: 3 },
        HostConfig: { NetworkMode: front },
        NetworkingConfig: { EndpointsConfig: { [front]: { Aliases: ['web'] } } },
      }),
    );
    await engine.containers.connect(web, { network: back, aliases: ['api'] });
    await engine.containers.start(web);
    await engine.containers.start(web); // already running: not an error
    const health = await engine.containers.waitHealthy(web, { timeoutMs: 15_000, intervalMs: 50 });
    expect(health.outcome).toBe('healthy');
    expect(health.details).toMatchObject({ id, name: web, state: 'running' });
    expect(health.details.networks).toEqual([back, front].sort());

    const listed = await engine.containers.list({ label: [`io.nestc.test-run=${run.id}`] });
    expect(listed.find((c) => c.id === id)).toMatchObject({ name: web, health: 'healthy' });

    await engine.containers.stop(web, 0);
    await engine.containers.stop(web, 0); // already stopped: not an error
    expect((await engine.containers.inspect(web)).state).toBe('exited');
    await engine.containers.remove(web);
    await engine.networks.remove(front);
    await engine.networks.remove(back);

    const after = engine.stats.snapshot();
    const delta = (op: string): number =>
      (after.writesByOp[op] ?? 0) - (before.writesByOp[op] ?? 0);
    expect(delta('network.create')).toBe(2);
    expect(delta('container.create')).toBe(1);
    expect(delta('network.connect')).toBe(1);
    expect(delta('container.start')).toBe(2);
    expect(delta('container.stop')).toBe(2);
    expect(delta('container.remove')).toBe(1);
    expect(delta('network.remove')).toBe(2);
  });

  it('creates and removes a labelled volume', async () => {
    const vol = name('data');
    expect(await engine.volumes.create({ Name: vol, Labels: run.labels })).toBe(vol);
    const listed = await engine.volumes.list({ label: [`io.nestc.test-run=${run.id}`] });
    expect(listed.map((v) => v.name)).toContain(vol);
    await engine.volumes.remove(vol);
  });

  it('waits for a container to exit and reads its exit code', async () => {
    const job = name('job');
    await engine.containers.create(job, sleeper({ Cmd: ['sh', '-c', 'exit 3'] }));
    await engine.containers.start(job);
    const r = await engine.containers.waitExited(job, { timeoutMs: 15_000, intervalMs: 50 });
    expect(r).toMatchObject({ outcome: 'exited', exitCode: 3 });
  });

  it('reports a taken container name as engine-name-in-use', async () => {
    const dup = name('dup');
    await engine.containers.create(dup, sleeper());
    const err = await failure(engine.containers.create(dup, sleeper()));
    expect(err.code).toBe('engine-name-in-use');
    expect(err.diagnostic.summary).toMatch(
      new RegExp(`^container name "${dup}" is already in use by container [0-9a-f]{12}$`),
    );
  });

  it('reports a taken network name as engine-name-in-use', async () => {
    const net = name('dupnet');
    await engine.networks.create({ Name: net, Labels: run.labels });
    const err = await failure(engine.networks.create({ Name: net, Labels: run.labels }));
    expect(err.code).toBe('engine-name-in-use');
    expect(err.diagnostic.summary).toBe(`network name "${net}" is already in use`);
  });

  it('reports a host port another container holds as engine-port-taken', async () => {
    const holder = name('holder');
    await engine.containers.create(holder, sleeper(publish('')));
    await engine.containers.start(holder);
    const port = (await engine.containers.inspect(holder)).ports[0]?.hostPort;
    expect(port).toBeGreaterThan(0);
    const second = name('second');
    await engine.containers.create(second, sleeper(publish(String(port))));
    const err = await failure(engine.containers.start(second));
    expect(err.code).toBe('engine-port-taken');
    expect(err.diagnostic.summary).toBe(
      `starting container "${second}": host port 127.0.0.1:${port} is already allocated by another container`,
    );
  });

  it('reports a missing image and a missing container as engine-not-found', async () => {
    const img = await failure(
      engine.containers.create(name('noimg'), sleeper({ Image: 'nestc-test/absent:1' })),
    );
    expect(img.code).toBe('engine-not-found');
    expect(img.diagnostic.summary).toBe('image "nestc-test/absent:1" is not present on the engine');
    expect(await engine.images.exists('nestc-test/absent:1')).toBe(false);
    expect(await engine.images.exists(TEST_IMAGE)).toBe(true);
    const missing = await failure(engine.containers.inspect(name('never')));
    expect(missing.code).toBe('engine-not-found');
  });

  it('reports a missing socket as engine-unreachable at that address', async () => {
    const sock = join(tmpdir(), `nestc-test-${run.id}-absent.sock`);
    const offline = connectEngine({ DOCKER_HOST: `unix://${sock}` }, { client });
    const err = await failure(offline.containers.list());
    expect(err.code).toBe('engine-unreachable');
    expect(err.diagnostic.summary).toBe(`no Docker engine answers at unix://${sock}`);
    expect(offline.stats.reads).toBe(1); // the version negotiation that failed
    expect(offline.stats.writes).toBe(0);
  });

  it('reports a closed TCP port as engine-unreachable', async () => {
    const err = await failure(
      connectEngine({ DOCKER_HOST: 'tcp://127.0.0.1:1' }, { client }).system.ping(),
    );
    expect(err.code).toBe('engine-unreachable');
    expect(err.diagnostic.summary).toBe('no Docker engine answers at tcp://127.0.0.1:1');
  });
});
