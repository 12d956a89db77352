import { randomBytes } from 'node:crypto';
import { connectEngine, type ConnectOptions } from './connect-engine.js';
import type { Engine } from './engine.js';

/**
 * Shared by the tests that use the real engine (never built into dist/: `*-test-*`). Every object
 * a test run makes carries TEST_RUN_LABEL=its id and is removed at the end, pass or fail; other
 * runs and other helpers share the engine, so nothing else is ever touched.
 */
export const TEST_RUN_LABEL = 'io.nestc.test-run';

/** The registry-free test images scripts/engine.sh builds. */
export const TEST_IMAGE = process.env.NESTC_TEST_IMAGE || 'nestc-test/busybox:1';

/** A fresh id and the labels every object of this run carries. */
export function newTestRun(): { id: string; labels: Record<string, string> } {
  const id = `${process.pid.toString(36)}${randomBytes(4).toString('hex')}`;
  return { id, labels: { [TEST_RUN_LABEL]: id } };
}

/**
 * The engine of process.env, checked to answer: a test that needs it fails loudly, never skips,
 * when there is none (scripts/test.sh starts one).
 */
export async function requireEngine(opts: ConnectOptions = {}): Promise<Engine> {
  const engine = connectEngine(process.env, opts);
  try {
    await engine.system.apiVersion();
  } catch (err) {
    throw new Error(
      `these tests need a Docker engine and none answers at ${engine.address} (run them through scripts/test.sh, which starts one): ${(err as Error).message}`,
    );
  }
  return engine;
}

/** Remove every container, network and volume of a test run (by its label). */
export async function cleanupTestRun(engine: Engine, id: string): Promise<void> {
  const label = [`${TEST_RUN_LABEL}=${id}`];
  const containers = await engine.containers.list({ label });
  await Promise.all(
    containers.map((c) => engine.containers.remove(c.id, { force: true, volumes: true })),
  );
  const networks = await engine.networks.list({ label });
  await Promise.all(networks.map((n) => engine.networks.remove(n.id)));
  const volumes = await engine.volumes.list({ label });
  await Promise.all(volumes.map((v) => engine.volumes.remove(v.name)));
}
