import { describe, expect, it } from 'vitest';
import type { ApplyEvent } from './events.js';
import { executePlan } from './execute.js';
import { IMAGE, planFile, recordingEngine, writeNestfile } from './execute-test-plan.js';
import { waitReady } from './wait-ready.js';

const FAST = { parallel: 4, waitTimeoutMs: 2000 };

const NESTFILE = `name: t
services:
  db:
    image: ${IMAGE}
    healthcheck: { test: ["CMD", "true"] }
  migrate:
    image: ${IMAGE}
  web:
    image: ${IMAGE}
    depends_on:
      migrate: { condition: service_completed_successfully }
`;

describe('waitReady (up --wait)', () => {
  it('waits until a container with a healthcheck is healthy; a finished job counts as ready', async () => {
    const { engine } = recordingEngine({
      healthOnStart: 'starting',
      onStart: (c) => {
        if (c.name === 't-migrate-1') setTimeout(() => engine.exit(c.name, 0), 10);
      },
    });
    const plan = await planFile(engine, writeNestfile(NESTFILE));
    expect((await executePlan(plan, engine, FAST)).ok).toBe(true);
    expect(engine.container('t-db-1').health).toBe('starting');
    setTimeout(() => engine.setHealth('t-db-1', 'healthy'), 100);
    const events: ApplyEvent[] = [];
    const diags = await waitReady(plan, engine, {
      timeoutMs: 2000,
      intervalMs: 20,
      onEvent: (e) => events.push(e),
    });
    expect(diags).toEqual([]);
    expect(engine.container('t-db-1').health).toBe('healthy');
    const ready = events.flatMap((e) => (e.type === 'op-ready' ? [`${e.op.name} ${e.state}`] : []));
    expect(ready.sort()).toEqual(['t-db-1 healthy', 't-migrate-1 completed', 't-web-1 running']);
  });

  it('reports a container that stays starting past the deadline, and one that exited', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'starting' });
    const plan = await planFile(
      engine,
      writeNestfile(`name: t
services:
  db:
    image: ${IMAGE}
    healthcheck: { test: ["CMD", "true"] }
  worker:
    image: ${IMAGE}
`),
    );
    expect((await executePlan(plan, engine, FAST)).ok).toBe(true);
    engine.exit('t-worker-1', 2);
    const diags = await waitReady(plan, engine, { timeoutMs: 200, intervalMs: 20 });
    expect(diags.map((d) => [d.code, d.severity, d.summary])).toEqual([
      ['apply-not-ready', 'error', 'container t-db-1 (db) did not become healthy within 0.2s'],
      ['apply-not-ready', 'error', 'container t-worker-1 (worker) exited with code 2'],
    ]);
    expect(diags[0]?.loc?.line).toBe(3);
  });

  it('reports an unhealthy container without waiting for the deadline', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'unhealthy' });
    const plan = await planFile(
      engine,
      writeNestfile(`name: t
services:
  db:
    image: ${IMAGE}
    healthcheck: { test: ["CMD", "true"] }
`),
    );
    expect((await executePlan(plan, engine, FAST)).ok).toBe(true);
    const started = Date.now();
    const diags = await waitReady(plan, engine, { timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(diags.map((d) => d.summary)).toEqual(['container t-db-1 (db) is unhealthy']);
  });
});
