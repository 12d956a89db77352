import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MemoryEngine } from '../../engine/memory-engine.js';
import { executePlan } from './execute.js';
import { IMAGE, planFile, recordingEngine, writeNestfile } from './execute-test-plan.js';

const FAST = { parallel: 4, waitTimeoutMs: 2000 };

/** db and web; `env` goes into db's environment, so changing it replaces db. */
const nestfile = (env: string, webEnv = 'a'): string => `name: t
services:
  db:
    image: ${IMAGE}
    environment: { V: "${env}" }
  web:
    image: ${IMAGE}
    environment: { V: "${webEnv}" }
    depends_on: [db]
`;

/** name → [id, state] of every container, sorted by name. */
const containers = (engine: MemoryEngine): string[] =>
  [...engine.store.containers.values()].map((c) => `${c.name} ${c.id} ${c.state}`).sort();

async function upped(): Promise<{ engine: MemoryEngine; file: string; calls: string[] }> {
  const { engine, calls } = recordingEngine();
  const file = writeNestfile(nestfile('1'));
  expect((await executePlan(await planFile(engine, file), engine, FAST)).ok).toBe(true);
  return { engine, file, calls };
}

describe('executePlan: replace', () => {
  it('stops the old container, sets it aside, starts the new one, and removes the old one last', async () => {
    const { engine, file, calls } = await upped();
    const oldId = engine.container('t-db-1').id;
    writeFileSync(file, nestfile('2'));
    const plan = await planFile(engine, file);
    expect(plan.operations.filter((o) => o.action === 'replace').map((o) => o.id)).toEqual([
      'container:t-db-1',
    ]);
    calls.length = 0;
    expect(await executePlan(plan, engine, FAST)).toEqual({ ok: true, diagnostics: [] });
    const aside = `${oldId.slice(0, 12)}_t-db-1`;
    expect(calls).toEqual([
      `inspecting container "${oldId}"`,
      `stopping container "${oldId}"`,
      `renaming container "${oldId}"`,
      'creating container "t-db-1"',
      'starting container "t-db-1"',
      `removing container "${oldId}"`,
    ]);
    expect(containers(engine).map((c) => c.split(' ')[0])).toEqual(['t-db-1', 't-web-1']);
    expect(engine.container('t-db-1').id).not.toBe(oldId);
    expect(engine.container('t-db-1').state).toBe('running');
    expect([...engine.store.containers.values()].some((c) => c.name === aside)).toBe(false);
  });

  it('puts the old container back, running under its name, when the new one fails to start', async () => {
    const { engine, file } = await upped();
    const before = containers(engine);
    writeFileSync(file, nestfile('2'));
    const plan = await planFile(engine, file);
    engine.failNext(
      'container.start',
      { statusCode: 500, json: { message: 'driver failed programming external connectivity' } },
      't-db-1',
    );
    const r = await executePlan(plan, engine, FAST);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => d.summary)).toEqual([
      'starting container t-db-1 (db): driver failed programming external connectivity',
    ]);
    // Same ids, same names, same states: the failed replace lost nothing.
    expect(containers(engine)).toEqual(before);
  });

  it('puts an earlier replaced container back when a later operation of the run fails', async () => {
    const { engine, file } = await upped();
    const before = containers(engine);
    writeFileSync(file, nestfile('2', 'b'));
    const plan = await planFile(engine, file);
    expect(plan.operations.filter((o) => o.action === 'replace').map((o) => o.id)).toEqual([
      'container:t-db-1',
      'container:t-web-1',
    ]);
    engine.failNext(
      'container.create',
      { statusCode: 500, json: { message: 'no space' } },
      't-web-1',
    );
    const r = await executePlan(plan, engine, FAST);
    expect(r.ok).toBe(false);
    expect(containers(engine)).toEqual(before);
  });

  it('does not restart an old container that was not running', async () => {
    const { engine, file } = await upped();
    await engine.containers.stop('t-web-1');
    const before = containers(engine);
    writeFileSync(file, nestfile('1', 'b'));
    const plan = await planFile(engine, file);
    engine.failNext(
      'container.create',
      { statusCode: 500, json: { message: 'no space' } },
      't-web-1',
    );
    expect((await executePlan(plan, engine, FAST)).ok).toBe(false);
    expect(containers(engine)).toEqual(before);
    expect(engine.container('t-web-1').state).toBe('exited');
  });

  it('warns, naming the old container, when it cannot be removed after a successful run', async () => {
    const { engine, file } = await upped();
    const oldId = engine.container('t-db-1').id;
    writeFileSync(file, nestfile('2'));
    const plan = await planFile(engine, file);
    engine.failNext(
      'container.remove',
      { statusCode: 500, json: { message: 'device busy' } },
      oldId,
    );
    const r = await executePlan(plan, engine, FAST);
    expect(r.ok).toBe(true);
    const aside = `${oldId.slice(0, 12)}_t-db-1`;
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.hint])).toEqual([
      ['warning', 'apply-old-container-kept', `remove it with: docker rm -f ${aside}`],
    ]);
    // The next plan removes it: a container of db under a name db no longer wants.
    const next = await planFile(engine, file);
    expect(next.operations.filter((o) => o.action !== 'unchanged').map((o) => o.id)).toEqual([
      `container:${aside}`,
    ]);
  });
});
