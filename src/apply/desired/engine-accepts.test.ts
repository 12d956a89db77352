import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesiredState } from '../types.js';
import { containerOf, desiredOf } from './test-compile.js';

/**
 * The create bodies are what the engine gets, so one of them is sent to the real engine (API
 * 1.41, as the test machines run): a container with a bind of a missing directory, a named
 * volume, an ephemeral port on 127.0.0.1 and a healthcheck. Every object carries this run's
 * `io.nestc.test-run` label and is removed at the end, pass or fail. No engine: the test fails.
 */
const RUN = `desired-${process.pid}-${Date.now()}`;
const IMAGE = process.env.NESTC_TEST_IMAGE ?? 'nestc-test/busybox:1';
const docker = new Docker({ socketPath: '/var/run/docker.sock', version: 'v1.41' });
const dirs: string[] = [];

async function cleanup(): Promise<void> {
  const filters = JSON.stringify({ label: [`io.nestc.test-run=${RUN}`] });
  for (const c of await docker.listContainers({ all: true, filters })) {
    await docker.getContainer(c.Id).remove({ force: true, v: true });
  }
  for (const n of await docker.listNetworks({ filters })) await docker.getNetwork(n.Id).remove();
  const { Volumes } = await docker.listVolumes({ filters });
  for (const v of Volumes ?? []) await docker.getVolume(v.Name).remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** Poll `probe` until it returns a value, or fail after `ms`. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('create bodies on the real engine (API 1.41)', () => {
  beforeAll(async () => {
    try {
      await docker.ping();
    } catch (e) {
      throw new Error(
        `no Docker engine answers on /var/run/docker.sock (${String(e)}); run the tests through scripts/test.sh, which starts one`,
      );
    }
  });
  afterAll(cleanup);

  it('accepts a container with a missing bind source, a named volume, an ephemeral port and a healthcheck', async () => {
    const project = `nestc-${RUN}`;
    const r = desiredOf(
      `
name: ${project}
services:
  web:
    image: ${IMAGE}
    command: [sleep, "3600"]
    environment: { GREETING: hello }
    volumes:
      - ./missing/deep:/bound
      - data:/data
    ports: ["127.0.0.1::80"]
    healthcheck:
      test: [CMD, test, -d, /bound]
      interval: 1s
      timeout: 2s
      retries: 3
volumes:
  data: {}
`,
      { extraLabels: { 'io.nestc.test-run': RUN } },
    );
    dirs.push(r.dir);
    expect(r.diagnostics).toEqual([]);
    const state = r.state as DesiredState;
    const missing = path.join(r.dir, 'missing', 'deep');
    expect(existsSync(missing)).toBe(false);

    for (const n of state.networks)
      await docker.createNetwork(n.create as unknown as Docker.NetworkCreateOptions);
    for (const v of state.volumes)
      await docker.createVolume(v.create as Docker.VolumeCreateOptions);
    const want = containerOf(r, `${project}-web-1`);
    const created = await docker.createContainer({
      name: want.name,
      ...(want.create as Docker.ContainerCreateOptions),
    });
    await created.start();

    const info = await created.inspect();
    expect(info.Config.Labels['io.nestc.config-hash']).toBe(want.configHash);
    expect(info.Config.Env).toContain('GREETING=hello');
    expect(statSync(missing).isDirectory()).toBe(true);
    const mounts = info.Mounts.map((m) => [
      m.Type,
      m.Destination,
      m.Type === 'volume' ? m.Name : m.Source,
    ]);
    expect(mounts).toEqual(
      expect.arrayContaining([
        ['bind', '/bound', missing],
        ['volume', '/data', `${project}_data`],
      ]),
    );
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual([`${project}_default`]);
    expect(info.NetworkSettings.Networks[`${project}_default`]?.Aliases).toEqual(
      expect.arrayContaining([want.name, 'web']),
    );
    const bound = await until('the ephemeral port', 10_000, async () => {
      const b = (await created.inspect()).NetworkSettings.Ports['80/tcp']?.[0];
      return b && b.HostPort !== '' ? b : undefined;
    });
    expect(bound.HostIp).toBe('127.0.0.1');
    expect(Number(bound.HostPort)).toBeGreaterThan(0);
    const health = await until('a healthy container', 15_000, async () => {
      const s = (await created.inspect()).State.Health?.Status;
      return s === 'healthy' ? s : undefined;
    });
    expect(health).toBe('healthy');
  }, 60_000);
});
