import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, dockerInspect, type RawInspect } from '../support/e2e-engine.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// Health gating: `app` depends on `dep` with `condition: service_healthy`; dep's healthcheck
// can only pass once dep has run for 3 s (it creates /tmp/ready then). app must start after
// dep's first passing probe, never before.

const p = E2eProject.create(`
services:
  dep:
    image: ${BUSYBOX}
    command: ['sh', '-c', 'sleep 3 && touch /tmp/ready && exec sleep 600']
    stop_signal: SIGKILL
    healthcheck:
      test: ['CMD', 'test', '-f', '/tmp/ready']
      interval: 1s
      timeout: 1s
      retries: 30
  app:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    depends_on:
      dep: { condition: service_healthy }
`);

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

/** Milliseconds since the epoch of an engine timestamp (RFC 3339 with nanoseconds). */
function ms(t: string): number {
  return Date.parse(t.replace(/(\.\d{3})\d*/, '$1'));
}

/** End of the probe that made the container healthy: the first pass after a failure. */
function firstPass(dep: RawInspect): number | undefined {
  const log = dep.State.Health?.Log ?? [];
  const i = log.findIndex((e, k) => e.ExitCode === 0 && k > 0 && log[k - 1]!.ExitCode !== 0);
  return i < 0 ? undefined : ms(log[i]!.End);
}

describe('health gating', () => {
  it(
    'a service_healthy dependent starts only after its dependency reports healthy',
    () =>
      p.scenario(async () => {
        await p.up();
        const dep = await dockerInspect(await p.id('dep'));
        const app = await dockerInspect(await p.id('app'));
        expect(dep.State.Health?.Status, 'dep is healthy once up returns').toBe('healthy');
        expect(app.State.Status).toBe('running');

        const appStart = ms(app.State.StartedAt);
        const depStart = ms(dep.State.StartedAt);
        expect(
          appStart - depStart,
          `app started ${appStart - depStart} ms after dep; dep cannot be healthy before 3000 ms`,
        ).toBeGreaterThanOrEqual(3000);
        // The engine keeps the last 5 probes; right after up the failing ones are still there.
        const healthy = firstPass(dep);
        if (healthy !== undefined) {
          expect(
            appStart,
            `app started at ${app.State.StartedAt}, dep's first passing probe ended ${new Date(healthy).toISOString()}`,
          ).toBeGreaterThanOrEqual(healthy);
        }
      }),
    SCENARIO_TIMEOUT,
  );
});
