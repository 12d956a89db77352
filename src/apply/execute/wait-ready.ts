import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { Engine } from '../../engine/engine.js';
import type { HealthWait } from '../../engine/wait-container.js';
import type { DesiredContainer, Operation, Plan } from '../types.js';
import type { ApplyEvent } from './events.js';

export interface WaitReadyOptions {
  /** One deadline for the whole wait (`--wait-timeout`). */
  timeoutMs: number;
  /** Between two inspects of one container; default 200 ms. */
  intervalMs?: number;
  onEvent?: (e: ApplyEvent) => void;
}

/**
 * `up --wait` (docker compose's): after the plan is applied, wait until every container of the
 * project runs, and is healthy when it has a healthcheck. A container that exited counts as
 * ready only when it exited with 0 and some service waits for it with
 * `service_completed_successfully` (a one-shot job, such as a migration). All containers are
 * polled at once, against one deadline; reads only. Returns one error per container that did
 * not get there, naming it and what it did.
 */
export async function waitReady(
  plan: Plan,
  engine: Engine,
  opts: WaitReadyOptions,
): Promise<Diagnostic[]> {
  const emit = opts.onEvent ?? (() => {});
  const ops = readyTargets(plan);
  const jobs = completionTargets(ops.map((o) => o.desired as DesiredContainer));
  const deadline = Date.now() + opts.timeoutMs;
  const diags = new Diagnostics();
  await Promise.all(
    ops.map(async (op) => {
      const c = op.desired as DesiredContainer;
      emit({
        type: 'op-wait',
        op,
        step: c.hasHealthcheck ? 'waiting to be healthy' : 'waiting to run',
      });
      const r = await engine.containers.waitHealthy(c.name, {
        timeoutMs: Math.max(0, deadline - Date.now()),
        ...(opts.intervalMs !== undefined ? { intervalMs: opts.intervalMs } : {}),
      });
      const problem = notReady(r, jobs.has(c.service), opts.timeoutMs);
      if (problem === undefined) {
        emit({ type: 'op-ready', op, state: readyWord(r) });
        return;
      }
      emit({ type: 'op-failed', op, message: problem });
      diags.error('apply-not-ready', `container ${c.name} (${c.nestPath}) ${problem}`, c.loc, {
        hint: `see its output with \`docker logs ${c.name}\`; raise --wait-timeout if it is only slow`,
      });
    }),
  );
  return diags.sorted();
}

/** Services some other service waits for with `service_completed_successfully`. */
function completionTargets(containers: DesiredContainer[]): Set<string> {
  const out = new Set<string>();
  for (const c of containers) {
    for (const [service, dep] of Object.entries(c.dependsOn)) {
      if (dep.condition === 'service_completed_successfully') out.add(service);
    }
  }
  return out;
}

/** Why the container is not ready, or undefined when it is. */
function notReady(r: HealthWait, isJob: boolean, timeoutMs: number): string | undefined {
  switch (r.outcome) {
    case 'healthy':
    case 'no-healthcheck':
      return undefined;
    case 'unhealthy':
      return 'is unhealthy';
    case 'exited': {
      const code = r.details.exitCode;
      if (isJob && code === 0 && r.details.state === 'exited') return undefined;
      return r.details.state === 'exited' || r.details.state === 'dead'
        ? `exited with code ${code}`
        : `is ${r.details.state}, not running`;
    }
    case 'timeout':
      return r.details.state === 'running'
        ? `did not become healthy within ${timeoutMs / 1000}s`
        : `did not start running within ${timeoutMs / 1000}s (it is ${r.details.state})`;
  }
}

function readyWord(r: HealthWait): string {
  if (r.outcome === 'healthy') return 'healthy';
  return r.details.state === 'exited' ? 'completed' : 'running';
}

/** The project's containers after the plan: every container operation but removals. */
function readyTargets(plan: Plan): Operation[] {
  return plan.operations.filter(
    (o) => o.kind === 'container' && o.action !== 'remove' && o.desired !== undefined,
  );
}
