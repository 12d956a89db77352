import {
  LABELS,
  type DesiredContainer,
  type ObservedContainer,
  type ObservedState,
  type Operation,
} from '../types.js';
import { containerNetworks, containerPortBindings, containerVolumes } from './container-needs.js';

/**
 * The edges of the plan's graph: which operations must finish before another starts. The
 * executor walks only these (it makes no decisions), so they hold every ordering the engine
 * needs:
 * - a container that is created, replaced or started comes after the networks and volumes it
 *   uses that are created or replaced, and after every operation on the containers of the
 *   services it depends on (even unchanged ones: the executor waits for their condition);
 * - a created or replaced container comes after the removal of a container that holds one of its
 *   host ports, or that belongs to the same service (a renamed or surplus replica);
 * - a replaced network comes after the removal of the containers on it;
 * - unchanged operations and removals wait for nothing.
 */
export function linkOperations(ops: Operation[], observed: ObservedState): void {
  const byId = new Map(ops.map((o) => [o.id, o]));
  const byService = new Map<string, Operation[]>();
  for (const o of ops) {
    if (o.kind !== 'container' || o.action === 'remove') continue;
    const service = (o.desired as DesiredContainer).service;
    byService.set(service, [...(byService.get(service) ?? []), o]);
  }
  const removals = ops
    .filter((o) => o.action === 'remove')
    .map((o) => ({ op: o, existing: observed.containers.find((c) => c.id === o.existingId) }));

  for (const o of ops) {
    const after = new Set<string>();
    if (o.kind === 'container' && o.desired && o.action !== 'unchanged' && o.action !== 'remove') {
      const c = o.desired as DesiredContainer;
      for (const net of containerNetworks(c)) addIfBusy(after, byId.get(`network:${net}`));
      for (const vol of containerVolumes(c)) addIfBusy(after, byId.get(`volume:${vol}`));
      for (const service of Object.keys(c.dependsOn)) {
        for (const d of byService.get(service) ?? []) after.add(d.id);
      }
      if (o.action !== 'start') {
        for (const r of removals) if (blocks(r.existing, c)) after.add(r.op.id);
      }
    }
    if (o.kind === 'network' && o.action === 'replace') {
      for (const r of removals) if (r.existing?.networks.includes(o.name)) after.add(r.op.id);
    }
    after.delete(o.id);
    o.after = [...after].sort();
  }
}

function addIfBusy(after: Set<string>, op: Operation | undefined): void {
  if (op && op.action !== 'unchanged') after.add(op.id);
}

/** Whether a container being removed stands in the way of creating `c`. */
function blocks(existing: ObservedContainer | undefined, c: DesiredContainer): boolean {
  if (!existing) return false;
  if (existing.labels[LABELS.service] === c.service) return true;
  return containerPortBindings(c).some(
    (b) =>
      b.hostPort !== undefined &&
      existing.ports.some((p) => p.hostPort === b.hostPort && p.protocol === b.protocol),
  );
}
