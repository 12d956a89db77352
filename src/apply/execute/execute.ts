import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { Engine } from '../../engine/engine.js';
import { isEngineError } from '../../engine/engine-error.js';
import {
  LABELS,
  type DesiredContainer,
  type DesiredNetwork,
  type DesiredVolume,
  type Operation,
  type Plan,
} from '../types.js';
import { waitForDependencies } from './condition-wait.js';
import type { ApplyEvent } from './events.js';
import { runGraph } from './run-graph.js';
import { scheduleSteps, type Step } from './schedule.js';
import { removeSetAside, setAside, type SetAside } from './set-aside.js';
import { UndoLog } from './undo-log.js';

export interface ExecuteOptions {
  /** Operations in flight at once (`--parallel`). */
  parallel: number;
  /** Deadline of each health or completion wait (`--wait-timeout`). */
  waitTimeoutMs: number;
  /**
   * Seconds a container gets to stop before it is killed; default: the container's own
   * (`stop_grace_period`, else the engine's 10 s), as `docker compose` does.
   */
  stopTimeoutSeconds?: number;
  onEvent?: (e: ApplyEvent) => void;
}

export interface ExecuteResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

/**
 * The executor (docker/compose's: it makes no decisions). It walks the plan's dependency graph
 * with bounded parallelism, each operation the fewest engine calls the API allows: networks and
 * volumes created; a container created with its first network, joined to the others, started
 * once its dependencies' conditions hold; a replace first stops the old container and sets it
 * aside under another name (set-aside.ts); an orphan is stopped and removed. When an operation
 * fails, nothing new starts and the run is rolled back newest first (undo-log.ts): what it
 * created is removed, and the containers it set aside get their names back and run again, so a
 * failed `up` leaves the engine as it found it. Only after a successful run are the set-aside
 * containers removed. Not covered: a replaced network removes its containers for good (the
 * engine cannot rename a network), and orphans removed with `--remove-orphans` stay removed.
 */
export async function executePlan(
  plan: Plan,
  engine: Engine,
  opts: ExecuteOptions,
): Promise<ExecuteResult> {
  const diags = new Diagnostics();
  const emit = opts.onEvent ?? (() => {});
  const containers = plan.operations
    .map((o) => o.desired)
    .filter((d): d is DesiredContainer => d !== undefined && 'service' in d);
  const byService = new Map<string, DesiredContainer[]>();
  for (const c of containers) byService.set(c.service, [...(byService.get(c.service) ?? []), c]);
  const undo = new UndoLog();
  const aside: SetAside[] = [];

  const began = new Map<string, number>();
  /** Operations already reported as failed or skipped: each is reported once. */
  const reported = new Set<string>();
  const run = async ({ op, phase }: Step): Promise<void> => {
    if (op.action === 'unchanged') return;
    if (phase !== 'start') began.set(op.id, Date.now());
    try {
      await perform(op, phase, plan, engine, opts, byService, { undo, aside }, emit);
      if (phase !== 'create') emit({ type: 'op-done', op, ms: Date.now() - began.get(op.id)! });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      reported.add(op.id);
      emit({ type: 'op-failed', op, message });
      // An engine error keeps its detail (the engine's words) and its hint (what to do).
      const cause = isEngineError(err) ? err.diagnostic : undefined;
      const doing = phase === 'start' ? 'starting' : verb(op);
      diags.error(
        cause ? cause.code : 'apply-step-failed',
        `${doing} ${op.kind} ${op.name}${op.kind === 'container' ? ` (${op.label})` : ''}: ${withoutRepeat(message, doing, op)}`,
        (op.desired as DesiredContainer | undefined)?.loc,
        {
          ...(cause?.detail ? { detail: cause.detail } : {}),
          ...(cause?.hint ? { hint: cause.hint } : {}),
        },
      );
      throw err;
    }
  };
  const { failed } = await runGraph(scheduleSteps(plan.operations), opts.parallel, run, (s) => {
    // Once per operation (a container has two steps), and not for one that failed.
    if (s.op.action === 'unchanged' || reported.has(s.op.id)) return;
    reported.add(s.op.id);
    emit({ type: 'op-skipped', op: s.op, reason: 'an earlier step failed' });
  });
  if (failed) {
    await undo.rollback(engine, emit);
  } else {
    for (const { aside: a, message } of await removeSetAside(aside, engine, opts.parallel)) {
      diags.warn(
        'apply-old-container-kept',
        `the old container of ${a.op.label} (now named ${a.asideName}) could not be removed: ${message}`,
        undefined,
        { hint: `remove it with: docker rm -f ${a.asideName}` },
      );
    }
  }
  return { ok: !failed, diagnostics: diags.items };
}

/** One step of an operation: a create phase, a start phase, or the whole of it. */
async function perform(
  op: Operation,
  phase: Step['phase'],
  plan: Plan,
  engine: Engine,
  opts: ExecuteOptions,
  byService: ReadonlyMap<string, DesiredContainer[]>,
  run: { undo: UndoLog; aside: SetAside[] },
  emit: (e: ApplyEvent) => void,
): Promise<void> {
  const created = (): void =>
    run.undo.add(op, 'removing (created by this run)', (e) => removeCreated(op, e));
  const step = (s: string): void => emit({ type: 'op-start', op, step: s });
  const stopTimeout = opts.stopTimeoutSeconds;
  if (op.kind === 'network') {
    const d = op.desired as DesiredNetwork;
    if (op.action === 'replace' || op.action === 'remove') {
      step(op.action === 'replace' ? 'removing the old network' : 'removing');
      await removeNetworkAndUsers(op.name, plan.project, engine, stopTimeout);
      if (op.action === 'remove') return;
    }
    step('creating');
    await engine.networks.create(d.create);
    created();
    return;
  }
  if (op.kind === 'volume') {
    if (op.action === 'remove') {
      step('removing');
      await engine.volumes.remove(op.name);
      return;
    }
    step('creating');
    await engine.volumes.create((op.desired as DesiredVolume).create);
    created();
    return;
  }
  // Containers.
  const existing = op.existingId;
  if (op.action === 'remove') {
    await unlessGone(async () => {
      step('stopping');
      await engine.containers.stop(existing ?? op.name, stopTimeout);
      step('removing');
      await engine.containers.remove(existing ?? op.name, { force: true });
    });
    return;
  }
  const d = op.desired as DesiredContainer;
  if (phase === 'create') {
    if (op.action === 'replace' && existing) {
      // Undefined when a replaced network took it away already (removeNetworkAndUsers).
      const old = await setAside(op, existing, engine, stopTimeout, run.undo, step);
      if (old) run.aside.push(old);
    }
    step('creating');
    await engine.containers.create(d.name, d.create);
    created();
    for (const a of d.connect) {
      step(`joining ${a.network}`);
      await engine.containers.connect(d.name, a);
    }
    return;
  }
  await waitForDependencies(d, byService, engine, opts.waitTimeoutMs, (s) =>
    emit({ type: 'op-wait', op, step: s }),
  );
  step('starting');
  await engine.containers.start(op.action === 'start' ? (existing ?? d.name) : d.name);
}

/**
 * A network can only go once nothing uses it: the project's containers on it go first (the
 * plan replaces each of them after the network). Only the project's: a container of anyone
 * else on the network is left alone, and the engine's refusal names it.
 */
async function removeNetworkAndUsers(
  name: string,
  project: string,
  engine: Engine,
  stopTimeout: number | undefined,
): Promise<void> {
  const users = await engine.containers.list({ label: [`${LABELS.project}=${project}`] });
  for (const u of users.filter((c) => c.networks.includes(name))) {
    await engine.containers.stop(u.id, stopTimeout);
    await engine.containers.remove(u.id, { force: true });
  }
  await unlessGone(() => engine.networks.remove(name));
}

/** Run a removal; an object that no longer exists is what it wanted, so that is no failure. */
async function unlessGone(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!isEngineError(err, 'engine-not-found')) throw err;
  }
}

/** Remove what this run created (a container with force: it is this run's, and holds nothing yet). */
async function removeCreated(op: Operation, engine: Engine): Promise<void> {
  if (op.kind === 'container') await engine.containers.remove(op.name, { force: true });
  else if (op.kind === 'network') await engine.networks.remove(op.name);
  else await engine.volumes.remove(op.name);
}

/**
 * The engine error's message without its own `starting container "NAME":` when the summary
 * says just that in front of it (`starting container web-1 (web): host port ... is in use`).
 */
function withoutRepeat(message: string, doing: string, op: Operation): string {
  const own = `${doing} ${op.kind} "${op.name}"`;
  if (!message.startsWith(own)) return message;
  return message.slice(own.length).replace(/^( failed)?: /, '');
}

function verb(op: Operation): string {
  return {
    create: 'creating',
    replace: 'replacing',
    start: 'starting',
    remove: 'removing',
    unchanged: 'checking',
  }[op.action];
}
