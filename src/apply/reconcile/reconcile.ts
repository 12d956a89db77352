import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import {
  LABELS,
  type DesiredContainer,
  type DesiredState,
  type ObservedContainer,
  type ObservedState,
  type Operation,
  type Plan,
  type ReconcileOptions,
} from '../types.js';
import { linkOperations } from './after.js';
import { checkConflicts } from './conflicts.js';
import { planContainer } from './containers.js';
import { planOrphans } from './orphans.js';
import { bareName } from './ownership.js';
import { planNetworks, planVolumes } from './resources.js';
import { propagateRestarts } from './restart-deps.js';

/**
 * The observed state reconcile reads. `imageIds` (listed reference → image id) is optional:
 * when the observe pass provides it, a container whose image name now points at another image
 * is replaced with the cause `image changed`, as Compose does with its image digest label.
 */
export type ReconcileObserved = ObservedState & { imageIds?: ReadonlyMap<string, string> };

/** The result: a plan, or no plan and the errors that prevent one (nothing may be created). */
export interface ReconcileResult {
  plan?: Plan;
  /** Every diagnostic of planning, errors and warnings; the plan carries the warnings too. */
  diagnostics: Diagnostic[];
}

/**
 * The pure middle of `plan` and `up` (STYLE.md: observe → reconcile → execute; Compose v2's
 * convergence): what to do to each object so that the engine matches the flat graph. No I/O:
 * the same desired and observed states, in any order, give the same plan, byte for byte in its
 * views. Operations come networks, volumes, containers, each by engine name; their `after`
 * edges are the only order the executor follows.
 */
export function reconcile(
  desired: DesiredState,
  observed: ReconcileObserved,
  opts: ReconcileOptions,
): ReconcileResult {
  const d = sortedDesired(desired);
  const diags = new Diagnostics();
  checkConflicts(d, observed, diags);

  const networks = planNetworks(d, observed);
  const volumes = planVolumes(d, observed, diags);
  const replacedNetworks = new Set(
    networks.filter((o) => o.action === 'replace').map((o) => o.name),
  );
  const existing = ownContainers(observed, d.project);
  const containers = d.containers.map((c) =>
    planContainer(c, existing.get(c.name), {
      replacedNetworks,
      ...(observed.imageIds ? { imageIds: observed.imageIds } : {}),
    }),
  );
  propagateRestarts(containers, byService(containers));
  const removals = planOrphans(d, observed, opts, diags);

  const operations: Operation[] = [
    ...networks,
    ...volumes,
    ...[...containers, ...removals].sort((a, b) => cmp(a.name, b.name)),
  ];
  linkOperations(operations, observed);

  if (diags.hasErrors()) return { diagnostics: diags.items };
  const plan: Plan = {
    project: d.project,
    operations,
    ports: d.ports,
    diagnostics: diags.items.filter((x) => x.severity === 'warning'),
  };
  return { plan, diagnostics: diags.items };
}

/** The desired state with its lists in name order, so input order cannot show in the plan. */
function sortedDesired(desired: DesiredState): DesiredState {
  return {
    ...desired,
    networks: [...desired.networks].sort((a, b) => cmp(a.name, b.name)),
    volumes: [...desired.volumes].sort((a, b) => cmp(a.name, b.name)),
    containers: [...desired.containers].sort((a, b) => cmp(a.name, b.name)),
    images: [...new Set(desired.images)].sort(),
  };
}

/** The project's containers by bare name (only those that carry this project's label). */
function ownContainers(observed: ObservedState, project: string): Map<string, ObservedContainer> {
  const out = new Map<string, ObservedContainer>();
  for (const c of observed.containers) {
    if (c.labels[LABELS.project] === project) out.set(bareName(c.name), c);
  }
  return out;
}

function byService(ops: Operation[]): Map<string, Operation[]> {
  const out = new Map<string, Operation[]>();
  for (const o of ops) {
    const service = (o.desired as DesiredContainer).service;
    out.set(service, [...(out.get(service) ?? []), o]);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
