import type { Diagnostic } from '../../diag/diagnostic.js';
import type { FlatGraph } from '../../resolve/types.js';
import type { DesiredContainer, DesiredState } from '../types.js';
import { replicaContainer, serviceTemplate } from './container-create.js';
import { DesiredContext, type DesiredStateOptions } from './context.js';
import { desiredNetworks } from './networks.js';
import { replicaCount } from './replicas.js';
import { desiredVolumes } from './volumes.js';

export type { DesiredStateOptions } from './context.js';

/** What `desiredState` returns: the state when nothing was wrong, and every diagnostic. */
export interface DesiredStateResult {
  state?: DesiredState;
  diagnostics: Diagnostic[];
}

/**
 * The flat project as Engine API objects, as Docker Compose v2 would create them: the networks
 * and volumes services use, and one container per replica with its full `ContainerCreate`
 * body, the networks to connect after create, and config hashes. Pure: no engine, no files,
 * the same graph always gives the same state (sorted keys, stable orders), so `plan` and
 * `--dry-run` cost nothing and tests need no engine.
 *
 * Every setting the flat project uses that nestc does not send to the engine is an error
 * (`apply-unsupported`) or, when Compose itself ignores it outside swarm, a warning
 * (`apply-ignored`), located at the value in the nestfile: nestc never starts a container that
 * silently differs from what was written. The state is returned only without errors.
 */
export function desiredState(graph: FlatGraph, opts: DesiredStateOptions = {}): DesiredStateResult {
  const ctx = new DesiredContext(graph, opts);
  const networks = desiredNetworks(ctx);
  const volumes = desiredVolumes(ctx);
  const containers: DesiredContainer[] = [];
  const services = graph.project.services;
  for (const name of Object.keys(services).sort()) {
    const s = services[name];
    if (!s) continue;
    const template = serviceTemplate(ctx, name, s);
    const count = replicaCount(s);
    for (let n = 1; n <= count; n++) containers.push(replicaContainer(ctx, template, n));
  }
  const need = ctx.api.highest;
  const state: DesiredState = {
    project: graph.project.name,
    networks,
    volumes,
    containers,
    ports: graph.ports,
    images: [...new Set(containers.map((c) => c.image))].sort(),
    ...(need ? { minApiVersion: need } : {}),
  };
  const diagnostics = ctx.diags.sorted();
  return { ...(ctx.diags.hasErrors() ? {} : { state }), diagnostics };
}
