import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../resolve/compile.js';
import type { ApplyEvent } from '../execute/events.js';
import { executePlan } from '../execute/execute.js';
import { IMAGE, planFile, recordingEngine, writeNestfile } from '../execute/execute-test-plan.js';
import { downProject } from './down.js';
import { projectServices, type ProjectServices } from './project-services.js';

/** An agent that runs a database and tests (tests depends on db), a named volume, a root web. */
const NESTFILE = `name: t
services:
  web:
    image: ${IMAGE}
    volumes: [data:/data]
  agent:
    image: ${IMAGE}
    x-nest:
      services:
        db:
          image: ${IMAGE}
        tests:
          image: ${IMAGE}
          depends_on: [db]
volumes:
  data: {}
`;

function servicesOf(file: string): ProjectServices {
  const r = compileProject({ files: [file], cwd: path.dirname(file), env: {} });
  if (!r.graph) throw new Error('test nestfile does not compile');
  return projectServices(r.graph);
}

async function upped(yaml = NESTFILE) {
  const rec = recordingEngine();
  const file = writeNestfile(yaml);
  const r = await executePlan(await planFile(rec.engine, file), rec.engine, {
    parallel: 4,
    waitTimeoutMs: 1000,
  });
  if (!r.ok) throw new Error('up failed in a test');
  rec.calls.length = 0;
  return { ...rec, file };
}

describe('downProject', () => {
  it('removes every container in reverse dependency order, then the networks', async () => {
    const { engine, calls, file } = await upped();
    const ids = new Map([...engine.store.containers.values()].map((c) => [c.id, c.name]));
    const r = await downProject(engine, {
      project: 't',
      services: servicesOf(file),
      volumes: false,
      removeOrphans: false,
      parallel: 1,
    });
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
    // Containers are removed by id; name them for the assertions.
    const removals = calls
      .filter((c) => c.startsWith('removing'))
      .map((c) => c.replace(/"([0-9a-f]{64})"/, (_, id: string) => `"${ids.get(id)}"`));
    const at = (s: string): number => removals.indexOf(`removing ${s}`);
    // agent depends on its children (x-nest wait); tests on db.
    expect(at('container "t-agent-1"')).toBeLessThan(at('container "t-agent-tests-1"'));
    expect(at('container "t-agent-tests-1"')).toBeLessThan(at('container "t-agent-db-1"'));
    expect(at('network "t_agent-default"')).toBeGreaterThan(at('container "t-agent-db-1"'));
    expect(engine.store.containers.size).toBe(0);
    expect([...engine.store.networks.values()].map((n) => n.name).sort()).toEqual([
      'bridge',
      'host',
      'none',
    ]);
    // Without --volumes the volume stays.
    expect(engine.store.volumes.has('t_data')).toBe(true);
  });

  it('removes the volumes with --volumes', async () => {
    const { engine, file } = await upped();
    const r = await downProject(engine, {
      project: 't',
      services: servicesOf(file),
      volumes: true,
      removeOrphans: false,
      parallel: 4,
    });
    expect(r.ok).toBe(true);
    expect(engine.store.volumes.has('t_data')).toBe(false);
  });

  it('keeps an orphan (with a warning) unless --remove-orphans', async () => {
    const { engine, file } = await upped();
    writeFileSync(file, NESTFILE.replace(/ {2}web:\n.*\n.*\n/, ''));
    const kept = await downProject(engine, {
      project: 't',
      services: servicesOf(file),
      volumes: true,
      removeOrphans: false,
      parallel: 4,
    });
    expect(kept.ok).toBe(true);
    expect([...engine.store.containers.values()].map((c) => c.name)).toEqual(['t-web-1']);
    expect(kept.diagnostics.map((d) => d.code)).toEqual([
      'apply-orphan',
      'apply-down-kept',
      'apply-down-kept',
    ]);
    expect(engine.store.volumes.has('t_data')).toBe(true);

    const gone = await downProject(engine, {
      project: 't',
      services: servicesOf(file),
      volumes: true,
      removeOrphans: true,
      parallel: 4,
    });
    expect(gone).toMatchObject({ ok: true, diagnostics: [] });
    expect(engine.store.containers.size).toBe(0);
    expect(engine.store.volumes.has('t_data')).toBe(false);
  });

  it('keeps going after a failed removal, skipping only what comes after it', async () => {
    const { engine, file } = await upped();
    // The failure is on web's container, by id (down removes by id).
    const webId = engine.container('t-web-1').id;
    engine.failNext(
      'container.remove',
      { statusCode: 500, json: { message: 'device busy' } },
      webId,
    );
    const events: ApplyEvent[] = [];
    const r = await downProject(engine, {
      project: 't',
      services: servicesOf(file),
      volumes: false,
      removeOrphans: false,
      parallel: 2,
      onEvent: (e) => events.push(e),
    });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['engine-error', expect.stringMatching(/^removing container t-web-1 \(web\): /)],
    ]);
    expect(events.filter((e) => e.type === 'op-skipped').map((e) => e.op.id)).toEqual([
      'network:t_default',
    ]);
    expect([...engine.store.containers.values()].map((c) => c.name)).toEqual(['t-web-1']);
    expect(engine.store.findNetwork('t_agent-default')).toBeUndefined();
  });

  it('is a no-op on a project with nothing left, and only reads', async () => {
    const { engine } = recordingEngine();
    const before = engine.stats.writes;
    const r = await downProject(engine, {
      project: 't',
      volumes: true,
      removeOrphans: false,
      parallel: 4,
    });
    expect(r).toMatchObject({ ok: true, diagnostics: [] });
    expect(r.plan.operations).toEqual([]);
    expect(engine.stats.writes).toBe(before);
  });
});
