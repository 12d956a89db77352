import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { Engine } from '../../engine/engine.js';
import { isEngineError } from '../../engine/engine-error.js';
import type { ApplyEvent } from '../execute/events.js';
import { runGraph } from '../execute/run-graph.js';
import { LABELS, type Operation } from '../types.js';
import { planDown, type DownInput, type DownOptions, type DownPlan } from './down-plan.js';
import type { ProjectServices } from './project-services.js';

export interface DownRunOptions extends DownOptions {
  project: string;
  /** The nestfile's services; undefined when it does not load (remove all labelled, any order). */
  services?: ProjectServices;
  /** Removals in flight at once (`--parallel`). */
  parallel: number;
  onEvent?: (e: ApplyEvent) => void;
}

export interface DownResult {
  plan: DownPlan;
  ok: boolean;
  /** The plan's warnings, then one error per removal that failed. */
  diagnostics: Diagnostic[];
}

/**
 * `nestc down`: observe the project's objects once (every container, to see who else uses its
 * networks; its networks and volumes by label), plan the removals (down-plan.ts), and run them
 * with the executor's scheduler. Unlike `up` it keeps going after a failure: everything that
 * does not come after the failed removal is still removed. An object already gone counts as
 * removed. Throws only EngineErrors of the observe pass (no engine, no permission).
 */
export async function downProject(engine: Engine, opts: DownRunOptions): Promise<DownResult> {
  const label = [`${LABELS.project}=${opts.project}`];
  const [containers, networks, volumes] = await Promise.all([
    engine.containers.list(),
    engine.networks.list({ label }),
    opts.volumes ? engine.volumes.list({ label }) : Promise.resolve([]),
  ]);
  const input: DownInput = {
    project: opts.project,
    containers,
    networks,
    volumes,
    ...(opts.services ? { services: opts.services } : {}),
  };
  let plan = planDown(input, opts);
  // Kept orphans may mount the project's volumes; only then is it worth inspecting them.
  if (opts.volumes && plan.kept.length > 0) {
    const users = await volumeUsers(
      engine,
      plan.kept.map((c) => c.name),
    );
    plan = planDown({ ...input, keptVolumeUsers: users }, opts);
  }

  const diags = new Diagnostics();
  for (const d of plan.diagnostics) diags.add(d);
  const emit = opts.onEvent ?? (() => {});
  const run = async (op: Operation, stopped: () => void): Promise<void> => {
    const started = Date.now();
    try {
      await remove(op, engine, opts.volumes, stopped, (step) =>
        emit({ type: 'op-start', op, step }),
      );
      emit({ type: 'op-done', op, ms: Date.now() - started });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      emit({ type: 'op-failed', op, message });
      const cause = isEngineError(err) ? err.diagnostic : undefined;
      diags.error(
        cause ? cause.code : 'apply-step-failed',
        `removing ${op.kind} ${op.name}${op.kind === 'container' && op.label ? ` (${op.label})` : ''}: ${message}`,
        undefined,
        {
          ...(cause?.detail ? { detail: cause.detail } : {}),
          ...(cause?.hint ? { hint: cause.hint } : {}),
        },
      );
      throw err;
    }
  };
  const { failed } = await runGraph(
    plan.operations,
    opts.parallel,
    run,
    (op) => emit({ type: 'op-skipped', op, reason: 'a removal it waits for failed' }),
    { keepGoing: true },
  );
  return { plan, ok: !failed, diagnostics: diags.items };
}

/**
 * One removal: a container is stopped (its own stop timeout) and removed. Its dependencies may
 * be stopped as soon as it is stopped (`stopped`): the removal need not hold them up.
 */
async function remove(
  op: Operation,
  engine: Engine,
  volumes: boolean,
  stopped: () => void,
  step: (s: string) => void,
): Promise<void> {
  try {
    if (op.kind === 'container') {
      const target = op.existingId ?? op.name;
      step('stopping');
      await engine.containers.stop(target);
      stopped();
      step('removing');
      await engine.containers.remove(target, { force: true, volumes });
    } else if (op.kind === 'network') {
      step('removing');
      await engine.networks.remove(op.name);
    } else {
      step('removing');
      await engine.volumes.remove(op.name);
    }
  } catch (err) {
    if (!isEngineError(err, 'engine-not-found')) throw err;
  }
}

/** Volume name → the containers (of `names`) that mount it. */
async function volumeUsers(engine: Engine, names: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const details = await Promise.all(names.map((n) => engine.containers.inspect(n)));
  for (const d of details) {
    for (const m of d.mounts) {
      if (m.type !== 'volume' || !m.name) continue;
      out.set(m.name, [...(out.get(m.name) ?? []), d.name]);
    }
  }
  return out;
}
