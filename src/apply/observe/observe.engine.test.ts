import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/index.js';
import {
  cleanupTestRun,
  newTestRun,
  requireEngine,
  TEST_IMAGE,
} from '../../engine/engine-test-run.js';
import { LABELS, type ObservedState } from '../types.js';
import { observe } from './observe.js';

// observe against the real engine: a fake project `nestc-test-<id>` with a network, a volume,
// a running container publishing on 127.0.0.1 and a stopped one with a fixed binding, beside a
// foreign container publishing its own port. Everything carries this run's label.
const run = newTestRun();
const project = `nestc-test-${run.id}`;
const labels = { ...run.labels, [LABELS.project]: project };
const net = `${project}_default`;
const vol = `${project}_data`;
const web = `${project}-web-1`;
const job = `${project}-job-1`;
const foreign = `nestc-test-${run.id}-foreign`;
let engine: Engine;
let observed: ObservedState;
let webPort: number;
let foreignPort: number;
let fixedPort: number;

function publish(hostPort: string): Record<string, unknown> {
  return { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: hostPort }] };
}

beforeAll(async () => {
  engine = await requireEngine();
  try {
    await engine.networks.create({ Name: net, Labels: labels });
    await engine.volumes.create({ Name: vol, Labels: labels });
    const sleeper = { Image: TEST_IMAGE, Cmd: ['sleep', '300'], ExposedPorts: { '80/tcp': {} } };
    await engine.containers.create(web, {
      ...sleeper,
      Labels: labels,
      HostConfig: {
        NetworkMode: net,
        PortBindings: publish(''),
        Mounts: [{ Type: 'volume', Source: vol, Target: '/data' }],
      },
    });
    await engine.containers.create(foreign, {
      ...sleeper,
      Labels: run.labels,
      HostConfig: { PortBindings: publish('') },
    });
    await Promise.all([engine.containers.start(web), engine.containers.start(foreign)]);
    webPort = (await engine.containers.inspect(web)).ports[0]?.hostPort ?? 0;
    foreignPort = (await engine.containers.inspect(foreign)).ports[0]?.hostPort ?? 0;
    // Never started, so the port is only asked for, not bound: no clash with anyone.
    fixedPort = foreignPort;
    await engine.containers.create(job, {
      ...sleeper,
      Labels: labels,
      HostConfig: { PortBindings: publish(String(fixedPort)) },
    });
    observed = await observe(engine, project);
  } catch (err) {
    await cleanupTestRun(engine, run.id);
    throw err;
  }
});

afterAll(async () => {
  if (engine) await cleanupTestRun(engine, run.id);
});

describe('observe on the real engine', () => {
  it('reports the negotiated API version', async () => {
    expect(observed.apiVersion).toBe((await engine.system.version()).apiVersion);
    expect(observed.apiVersion).toBe(await engine.system.apiVersion());
    expect(observed.apiVersion).toMatch(/^1\.\d+$/);
  });

  it("finds the project's containers by label, running and stopped", () => {
    expect(observed.containers.map((c) => [c.name, c.state])).toEqual([
      [job, 'created'],
      [web, 'running'],
    ]);
    const w = observed.containers.find((c) => c.name === web);
    expect(w).toMatchObject({
      health: 'none',
      networks: [net],
      ports: [{ hostIp: '127.0.0.1', hostPort: webPort, containerPort: 80, protocol: 'tcp' }],
    });
    expect(w?.labels[LABELS.project]).toBe(project);
    expect(w?.imageId).toMatch(/^sha256:/);
    expect(observed.containers.find((c) => c.name === job)?.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: fixedPort, containerPort: 80, protocol: 'tcp' },
    ]);
  });

  it("finds the project's network and volume, and only those", () => {
    expect(observed.networks.map((n) => n.name)).toEqual([net]);
    expect(observed.volumes.map((v) => v.name)).toEqual([vol]);
  });

  it('lists every name on the engine with its project', () => {
    expect(observed.containerNames.get(web)).toBe(project);
    expect(observed.containerNames.get(job)).toBe(project);
    expect(observed.containerNames.has(foreign)).toBe(true);
    expect(observed.containerNames.get(foreign)).toBeUndefined();
    expect(observed.networkNames.has(net)).toBe(true);
    expect(observed.networkNames.has('bridge')).toBe(true);
    expect(observed.volumeNames.has(vol)).toBe(true);
  });

  it('lists the images present by tag and id', () => {
    expect(observed.images.has(TEST_IMAGE)).toBe(true);
    const webImage = observed.containers.find((c) => c.name === web)?.imageId ?? '';
    expect(observed.images.has(webImage)).toBe(true);
  });

  it("counts the foreign container's port as taken, and not the project's own", () => {
    expect(observed.foreignPorts).toContainEqual({
      hostIp: '127.0.0.1',
      port: foreignPort,
      protocol: 'tcp',
      owner: foreign,
    });
    expect(observed.foreignPorts.some((p) => p.port === webPort)).toBe(false);
    expect(observed.foreignPorts.some((p) => p.owner === web || p.owner === job)).toBe(false);
  });

  it('writes nothing', async () => {
    const before = engine.stats.writes;
    await observe(engine, project);
    expect(engine.stats.writes).toBe(before);
  });
});
