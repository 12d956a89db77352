import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApplyEvent } from './events.js';
import { executePlan } from './execute.js';
import {
  IMAGE,
  planFile,
  recordingEngine,
  slowCreates,
  writeNestfile,
} from './execute-test-plan.js';

const FAST = { parallel: 4, waitTimeoutMs: 2000 };

/** A database, a web server that waits for it, on the default network. */
const DB_WEB = `name: t
services:
  db:
    image: ${IMAGE}
  web:
    image: ${IMAGE}
    depends_on: [db]
`;

describe('executePlan: order', () => {
  it('creates a network before the containers on it, and starts a dependency before its dependent', async () => {
    const { engine, calls } = recordingEngine();
    const plan = await planFile(engine, writeNestfile(DB_WEB));
    calls.length = 0;
    const r = await executePlan(plan, engine, FAST);
    expect(r).toEqual({ ok: true, diagnostics: [] });
    // As docker/compose: every container is created first, then they start in dependency order.
    expect(calls).toEqual([
      'creating network "t_default"',
      'creating container "t-db-1"',
      'creating container "t-web-1"',
      'starting container "t-db-1"',
      'starting container "t-web-1"',
    ]);
  });

  it('starts a parent after its children (x-nest wait) and joins its second network before start', async () => {
    const { engine, calls } = recordingEngine();
    const plan = await planFile(
      engine,
      writeNestfile(`name: t
services:
  agent:
    image: ${IMAGE}
    x-nest:
      services:
        tests:
          image: ${IMAGE}
`),
    );
    calls.length = 0;
    expect((await executePlan(plan, engine, FAST)).ok).toBe(true);
    const i = (s: string): number => calls.indexOf(s);
    expect(i('starting container "t-agent-tests-1"')).toBeGreaterThan(-1);
    expect(i('starting container "t-agent-1"')).toBeGreaterThan(
      i('starting container "t-agent-tests-1"'),
    );
    expect(i('connecting container "t-agent-1" to network "t_default"')).toBeGreaterThan(
      i('creating container "t-agent-1"'),
    );
    expect(i('starting container "t-agent-1"')).toBeGreaterThan(
      i('connecting container "t-agent-1" to network "t_default"'),
    );
  });

  it('runs at most --parallel operations at once', async () => {
    const services = Array.from({ length: 6 }, (_, n) => `  s${n}:\n    image: ${IMAGE}\n`).join(
      '',
    );
    for (const parallel of [1, 2, 5]) {
      const { engine: memory } = recordingEngine();
      const plan = await planFile(memory, writeNestfile(`name: t\nservices:\n${services}`));
      const slow = slowCreates(memory, 20);
      expect((await executePlan(plan, slow.engine, { ...FAST, parallel })).ok).toBe(true);
      expect(slow.maxInFlight()).toBe(parallel);
      expect(memory.store.containers.size).toBe(6);
    }
  });

  it('makes zero engine writes for a plan of unchanged operations', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(DB_WEB);
    expect((await executePlan(await planFile(engine, file), engine, FAST)).ok).toBe(true);
    const plan = await planFile(engine, file);
    expect(plan.operations.every((o) => o.action === 'unchanged')).toBe(true);
    const before = engine.stats.snapshot();
    const events: ApplyEvent[] = [];
    const r = await executePlan(plan, engine, { ...FAST, onEvent: (e) => events.push(e) });
    expect(r.ok).toBe(true);
    expect(engine.stats.writes - before.writes).toBe(0);
    expect(events).toEqual([]);
  });

  it('replaces the containers of a replaced network, each once', async () => {
    const { engine } = recordingEngine();
    const yaml = (internal: boolean): string =>
      `${DB_WEB}networks:\n  default:\n    internal: ${internal}\n`;
    const file = writeNestfile(yaml(false));
    expect((await executePlan(await planFile(engine, file), engine, FAST)).ok).toBe(true);
    const oldIds = [...engine.store.containers.keys()];
    writeFileSync(file, yaml(true));
    const plan = await planFile(engine, file);
    expect(plan.operations.map((o) => `${o.action} ${o.id}`)).toEqual([
      'replace network:t_default',
      'replace container:t-db-1',
      'replace container:t-web-1',
    ]);
    const r = await executePlan(plan, engine, FAST);
    expect(r).toEqual({ ok: true, diagnostics: [] });
    const now = [...engine.store.containers.values()];
    expect(now.map((c) => c.name).sort()).toEqual(['t-db-1', 't-web-1']);
    expect(now.every((c) => !oldIds.includes(c.id) && c.state === 'running')).toBe(true);
    expect(engine.store.findNetwork('t_default')?.body.Internal).toBe(true);
  });
});

describe('executePlan: depends_on conditions', () => {
  const HEALTHY = `name: t
services:
  db:
    image: ${IMAGE}
    healthcheck: { test: ["CMD", "true"], interval: 1s }
  web:
    image: ${IMAGE}
    depends_on: { db: { condition: service_healthy } }
`;

  it('starts a service_healthy dependent only once its dependency reports healthy', async () => {
    const log: string[] = [];
    const { engine, calls } = recordingEngine({
      healthOnStart: 'starting',
      onStart: (c) => {
        if (c.name !== 't-db-1') return;
        setTimeout(() => {
          log.push(`healthy after ${calls.length} calls`);
          c.health = 'healthy';
        }, 120);
      },
    });
    const plan = await planFile(engine, writeNestfile(HEALTHY));
    calls.length = 0;
    const events: ApplyEvent[] = [];
    const r = await executePlan(plan, engine, { ...FAST, onEvent: (e) => events.push(e) });
    expect(r.ok).toBe(true);
    const healthyAt = Number(/after (\d+) calls/.exec(log[0] ?? '')?.[1]);
    // db was polled (inspect) while starting; web was started after it turned healthy.
    expect(calls.slice(0, healthyAt)).not.toContain('starting container "t-web-1"');
    expect(calls.slice(0, healthyAt)).toContain('inspecting container "t-db-1"');
    expect(calls.slice(healthyAt)).toContain('starting container "t-web-1"');
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'op-wait', step: 'waiting for db to be healthy' }),
    );
  });

  it('fails with a timeout when the dependency stays starting, and rolls back', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'starting' });
    const plan = await planFile(engine, writeNestfile(HEALTHY));
    const events: ApplyEvent[] = [];
    const r = await executePlan(plan, engine, {
      parallel: 4,
      waitTimeoutMs: 300,
      onEvent: (e) => events.push(e),
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'apply-step-failed',
      severity: 'error',
      summary:
        'starting container t-web-1 (web): db did not become healthy (still not healthy after 0.3s; raise --wait-timeout if it is slow)',
    });
    // What this run created is gone again: both containers (web was created, never started)
    // and the network.
    expect(engine.store.containers.size).toBe(0);
    expect(engine.store.findNetwork('t_default')).toBeUndefined();
    expect(
      events
        .filter((e) => e.type === 'rollback')
        .map((e) => e.op.id)
        .sort(),
    ).toEqual(['container:t-db-1', 'container:t-web-1', 'network:t_default']);
    expect(events.filter((e) => e.type === 'rollback').at(-1)?.op.id).toBe('network:t_default');
  });

  it('fails at once when the dependency reports unhealthy', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'unhealthy' });
    const plan = await planFile(engine, writeNestfile(HEALTHY));
    const started = Date.now();
    const r = await executePlan(plan, engine, { parallel: 4, waitTimeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.diagnostics[0]?.summary).toBe(
      'starting container t-web-1 (web): db did not become healthy (it is unhealthy)',
    );
  });

  const JOB = `name: t
services:
  migrate:
    image: ${IMAGE}
  app:
    image: ${IMAGE}
    depends_on: { migrate: { condition: service_completed_successfully } }
`;

  it('starts a service_completed_successfully dependent after its dependency exits 0', async () => {
    const { engine, calls } = recordingEngine({
      onStart: (c) => {
        if (c.name === 't-migrate-1') setTimeout(() => engine.exit(c.name, 0), 60);
      },
    });
    const plan = await planFile(engine, writeNestfile(JOB));
    const r = await executePlan(plan, engine, FAST);
    expect(r.ok).toBe(true);
    expect(engine.container('t-migrate-1').state).toBe('exited');
    expect(engine.container('t-app-1').state).toBe('running');
    expect(calls.indexOf('starting container "t-app-1"')).toBeGreaterThan(
      calls.lastIndexOf('inspecting container "t-migrate-1"'),
    );
  });

  it('fails when a service_completed_successfully dependency exits with another code', async () => {
    const { engine } = recordingEngine({
      onStart: (c) => {
        if (c.name === 't-migrate-1') setTimeout(() => engine.exit(c.name, 3), 20);
      },
    });
    const r = await executePlan(await planFile(engine, writeNestfile(JOB)), engine, FAST);
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.summary).toBe(
      'starting container t-app-1 (app): migrate exited with code 3',
    );
    expect(engine.store.findContainer('t-app-1')).toBeUndefined();
  });
});

describe('executePlan: failure and rollback', () => {
  it('removes what the run created and nothing else, and skips what had not started', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(DB_WEB);
    expect((await executePlan(await planFile(engine, file), engine, FAST)).ok).toBe(true);
    const kept = new Map([...engine.store.containers.values()].map((c) => [c.name, c.id]));

    // Add a cache (with its own volume and network) that web now depends on; its start fails.
    writeFileSync(
      file,
      `name: t
services:
  db:
    image: ${IMAGE}
  cache:
    image: ${IMAGE}
    networks: [back]
    volumes: [data:/data]
    ports: ["127.0.0.1:6379:6379"]
  web:
    image: ${IMAGE}
    depends_on: [db]
volumes:
  data: {}
networks:
  back: {}
`,
    );
    engine.holdHostPort('127.0.0.1', 6379);
    const plan = await planFile(engine, file);
    expect(plan.operations.map((o) => `${o.action} ${o.id}`)).toEqual([
      'create network:t_back',
      'unchanged network:t_default',
      'create volume:t_data',
      'create container:t-cache-1',
      'unchanged container:t-db-1',
      'unchanged container:t-web-1',
    ]);
    const events: ApplyEvent[] = [];
    const r = await executePlan(plan, engine, { ...FAST, onEvent: (e) => events.push(e) });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'engine-port-taken',
      hint: expect.stringContaining('free the port'),
      detail: expect.stringContaining('address already in use'),
    });
    expect(r.diagnostics[0]?.summary).toMatch(
      /^starting container t-cache-1 \(cache\): host port 127\.0\.0\.1:6379 is in use by a process outside the engine$/,
    );
    expect(events.filter((e) => e.type === 'rollback').map((e) => e.op.id)).toEqual([
      'container:t-cache-1',
      'volume:t_data',
      'network:t_back',
    ]);
    // The containers of the first run are untouched, with the same ids; the new objects gone.
    expect(new Map([...engine.store.containers.values()].map((c) => [c.name, c.id]))).toEqual(kept);
    expect(engine.store.findNetwork('t_back')).toBeUndefined();
    expect(engine.store.findNetwork('t_default')).toBeDefined();
    expect(engine.store.volumes.has('t_data')).toBe(false);
  });

  it('reports the operations that never ran as skipped and starts nothing after a failure', async () => {
    const { engine } = recordingEngine();
    const plan = await planFile(engine, writeNestfile(DB_WEB));
    engine.failNext('container.create', { statusCode: 500, json: { message: 'boom' } }, 't-db-1');
    const events: ApplyEvent[] = [];
    // One at a time, so web's create has not begun when db's fails.
    const r = await executePlan(plan, engine, {
      ...FAST,
      parallel: 1,
      onEvent: (e) => events.push(e),
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'engine-error' });
    expect(events.filter((e) => e.type === 'op-failed').map((e) => e.op.id)).toEqual([
      'container:t-db-1',
    ]);
    expect(events.filter((e) => e.type === 'op-skipped').map((e) => e.op.id)).toEqual([
      'container:t-web-1',
    ]);
    expect(engine.store.containers.size).toBe(0);
    expect(engine.store.findNetwork('t_default')).toBeUndefined();
  });

  it('removes an orphan with --remove-orphans, and only it', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(DB_WEB);
    expect((await executePlan(await planFile(engine, file), engine, FAST)).ok).toBe(true);
    writeFileSync(file, `name: t\nservices:\n  db:\n    image: ${IMAGE}\n`);
    const plan = await planFile(engine, file, { removeOrphans: true });
    expect(plan.operations.map((o) => `${o.action} ${o.id}`)).toContain('remove container:t-web-1');
    const before = engine.stats.snapshot();
    expect((await executePlan(plan, engine, FAST)).ok).toBe(true);
    expect([...engine.store.containers.values()].map((c) => c.name)).toEqual(['t-db-1']);
    expect(engine.stats.writesByOp['container.remove']).toBe(
      (before.writesByOp['container.remove'] ?? 0) + 1,
    );
  });
});
