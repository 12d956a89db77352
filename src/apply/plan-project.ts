import type { Diagnostic } from '../diag/diagnostic.js';
import type { SourceStore } from '../diag/source-store.js';
import type { Engine } from '../engine/engine.js';
import { isEngineError } from '../engine/engine-error.js';
import type { LoadOptions } from '../loader/context.js';
import { loadProject } from '../loader/load.js';
import { newLoadContext } from '../loader/new-context.js';
import {
  resolveOptionsFor,
  type HostProbe,
  type ResolveFlags,
} from '../resolve/options/resolve-options.js';
import { resolveProject } from '../resolve/resolve.js';
import type { FlatGraph } from '../resolve/types.js';
import { desiredState } from './desired/desired-state.js';
import { observe } from './observe/observe.js';
import { preflightPorts } from './preflight-ports.js';
import { previousPorts } from './previous-ports.js';
import { reconcile } from './reconcile/reconcile.js';
import type { DesiredState, ObservedState, Plan } from './types.js';

export interface PlanProjectOptions {
  load: LoadOptions;
  flags: ResolveFlags;
  removeOrphans: boolean;
  host: HostProbe;
  /** Labels added to every object (tests mark their runs with one). */
  extraLabels?: Readonly<Record<string, string>>;
}

export interface PlanProjectResult {
  plan?: Plan;
  graph?: FlatGraph;
  desired?: DesiredState;
  observed?: ObservedState;
  projectName?: string;
  diagnostics: Diagnostic[];
  sources: SourceStore;
}

/**
 * `plan` and the first half of `up`: load the nestfile, observe the engine once (the project's
 * objects, ports held by others, images, API version), resolve with what the engine knows
 * (last run's ports, foreign ports), turn the flat graph into Engine API objects, reconcile, and
 * check the host ports the plan will bind. Every step after observe is pure; any error means no
 * plan, so nothing is created.
 */
export async function planProject(
  engine: Engine,
  opts: PlanProjectOptions,
): Promise<PlanProjectResult> {
  const ctx = newLoadContext();
  const done = (r: Partial<PlanProjectResult> = {}): PlanProjectResult => ({
    ...r,
    diagnostics: ctx.diags.sorted(),
    sources: ctx.sources,
  });
  const loaded = loadProject(opts.load, ctx);
  if (!loaded.project) return done();
  const projectName = loaded.project.name;

  let observed: ObservedState;
  try {
    observed = await observe(engine, projectName);
  } catch (err) {
    if (!isEngineError(err)) throw err;
    ctx.diags.add(err.diagnostic);
    return done({ projectName });
  }

  const { options, diagnostics } = resolveOptionsFor(opts.flags, opts.host);
  for (const d of diagnostics) ctx.diags.add(d);
  const resolved = resolveProject(loaded.project, ctx, {
    ...options,
    previousPorts: previousPorts(observed),
    foreignPorts: observed.foreignPorts,
    profiles: loaded.profiles,
    env: loaded.env,
  });
  if (!resolved.graph) return done({ projectName, observed });
  const graph = resolved.graph;

  const desired = desiredState(graph, opts.extraLabels ? { extraLabels: opts.extraLabels } : {});
  for (const d of desired.diagnostics) ctx.diags.add(d);
  if (!desired.state) return done({ projectName, observed, graph });

  const rec = reconcile(desired.state, observed, { removeOrphans: opts.removeOrphans });
  for (const d of rec.diagnostics) if (!rec.plan?.diagnostics.includes(d)) ctx.diags.add(d);
  for (const d of rec.plan?.diagnostics ?? []) ctx.diags.add(d);
  if (!rec.plan || ctx.diags.hasErrors())
    return done({ projectName, observed, graph, desired: desired.state });

  if (engine.address.startsWith('unix://')) {
    for (const d of await preflightPorts(rec.plan, observed)) ctx.diags.add(d);
  }
  const ok = !ctx.diags.hasErrors();
  return done({
    projectName,
    observed,
    graph,
    desired: desired.state,
    ...(ok ? { plan: rec.plan } : {}),
  });
}
