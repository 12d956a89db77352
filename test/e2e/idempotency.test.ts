import { afterAll, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/apply/execute/execute.js';
import { planProject } from '../../src/apply/plan-project.js';
import { connectEngine, EngineStats } from '../../src/engine/index.js';
import { hostProbe } from '../../src/resolve/options/resolve-options.js';
import { BUSYBOX, dockerInspect, projectEvents, writeEvents } from '../support/e2e-engine.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// Idempotency, in steps on one project (each step starts from the state the previous one left):
// a second `up` changes nothing on the engine; a changed environment replaces that service
// only; a removed service is an orphan that stays (with a warning) until --remove-orphans.

/** The root service that a later step removes from the nestfile. */
const extraService = `
  extra:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL`;

const nestfile = ({ greeting, extra }: { greeting: string; extra: boolean }): string => `
services:
  web:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
${extra ? extraService : ''}
  a:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        db:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
        app:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
          environment: { GREETING: ${greeting} }
          depends_on: [db]
`;

const p = E2eProject.create(nestfile({ greeting: 'hello', extra: true }));

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

/** Ids by nest path, minus the given paths. */
function without(ids: Map<string, string>, ...paths: string[]): Record<string, string> {
  return Object.fromEntries([...ids].filter(([k]) => !paths.includes(k)));
}

describe('idempotency', () => {
  let first: Map<string, string>;

  it(
    'the first up creates every container',
    () =>
      p.scenario(async () => {
        const since = Date.now();
        await p.up();
        const until = Date.now() + 300;
        first = await p.ids();
        expect([...first.keys()]).toEqual(['a', 'a/app', 'a/db', 'extra', 'web']);
        // The probe of the next step must see writes when there are some: here, every create.
        const creates = writeEvents(await projectEvents(p.name, since, until)).filter(
          (e) => e.Type === 'container' && e.Action === 'create',
        );
        expect(creates, 'container create events seen by the engine-event probe').toHaveLength(5);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'a second up makes zero engine writes and keeps every container id',
    () =>
      p.scenario(async () => {
        const since = Date.now();
        const r = await p.up('--json');
        const until = Date.now() + 300;
        expect(Object.fromEntries(await p.ids())).toEqual(Object.fromEntries(first));
        const steps = r.stdout
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as { type: string; address?: string; step?: string })
          .filter((e) => e.type.startsWith('op-') && e.type !== 'op-ready');
        expect(steps, 'operations up --json reports as performed').toEqual([]);
        const writes = writeEvents(await projectEvents(p.name, since, until));
        expect(
          writes.map((e) => `${e.Type} ${e.Action} ${e.Actor.Attributes.name ?? e.Actor.ID}`),
          'engine events on the project during the second up',
        ).toEqual([]);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'planning and applying the converged project counts zero writes in nestc itself',
    () =>
      p.scenario(async () => {
        const stats = new EngineStats();
        const engine = connectEngine(process.env, { stats });
        const planned = await planProject(engine, {
          load: { cwd: p.dir, env: process.env },
          flags: {},
          removeOrphans: false,
          host: hostProbe(),
        });
        expect(planned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const plan = planned.plan!;
        expect(plan.operations.filter((o) => o.action !== 'unchanged')).toEqual([]);
        const result = await executePlan(plan, engine, { parallel: 4, waitTimeoutMs: 30_000 });
        expect(result.ok).toBe(true);
        expect(stats.writesByOp, 'engine writes by operation').toEqual({});
        expect(stats.writes).toBe(0);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    "changing one service's environment replaces that service only",
    () =>
      p.scenario(async () => {
        p.write(nestfile({ greeting: 'bye', extra: true }));
        await p.up();
        const now = await p.ids();
        expect(now.get('a/app'), 'a/app is a new container').not.toBe(first.get('a/app'));
        expect(without(now, 'a/app'), 'every other container is kept').toEqual(
          without(first, 'a/app'),
        );
        const app = await dockerInspect(now.get('a/app')!);
        expect(app.Config.Env).toContain('GREETING=bye');
        expect(app.State.Status).toBe('running');
        first = now;
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'removing a service leaves it running as an orphan, with a warning',
    () =>
      p.scenario(async () => {
        p.write(nestfile({ greeting: 'bye', extra: false }));
        const r = await p.up();
        expect(r.stderr, 'up warns about the orphan').toMatch(/warning\[apply-orphan\].*extra/);
        expect(Object.fromEntries(await p.ids()), 'nothing removed, nothing replaced').toEqual(
          Object.fromEntries(first),
        );
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'up --remove-orphans removes it and keeps the rest',
    () =>
      p.scenario(async () => {
        const r = await p.up('--remove-orphans');
        expect(r.stderr).not.toMatch(/apply-orphan/);
        expect(Object.fromEntries(await p.ids())).toEqual(without(first, 'extra'));
      }),
    SCENARIO_TIMEOUT,
  );
});
