import type { Diagnostics } from '../../diag/diagnostic.js';
import {
  LABELS,
  type DesiredNetwork,
  type DesiredState,
  type DesiredVolume,
  type ObservedState,
  type Operation,
} from '../types.js';
import { ownNetwork, ownVolume } from './ownership.js';

/**
 * Operations on networks and volumes (Compose v2's `ensureNetwork` / `ensureVolume`). External
 * ones get no operation: they are only checked to exist (conflicts.ts). A network whose
 * definition changed is replaced, and every container on it with it (reconcile.ts); a volume
 * is never replaced, because that would lose its data: a changed one is kept, with a warning.
 */

/** Operations on the project's networks, by engine name. */
export function planNetworks(desired: DesiredState, observed: ObservedState): Operation[] {
  const ops: Operation[] = [];
  for (const n of desired.networks) {
    if (n.external) continue;
    const own = ownNetwork(observed, n.name, desired.project);
    if (!own) {
      ops.push(op(n, 'network', 'create', []));
    } else if (own.labels[LABELS.configHash] !== n.configHash) {
      ops.push(op(n, 'network', 'replace', ['configuration changed (config hash)'], own.id));
    } else {
      ops.push(op(n, 'network', 'unchanged', [], own.id));
    }
  }
  return ops;
}

/** Operations on the project's volumes; warns about volumes it keeps although they differ. */
export function planVolumes(
  desired: DesiredState,
  observed: ObservedState,
  diags: Diagnostics,
): Operation[] {
  const ops: Operation[] = [];
  for (const v of desired.volumes) {
    if (v.external) continue;
    const own = ownVolume(observed, v.name, desired.project);
    if (own) {
      if (own.labels[LABELS.configHash] !== v.configHash) {
        diags.warn(
          'apply-volume-diverged',
          `volume "${v.name}" (volumes.${v.key}) was created with another definition; nestc keeps it and its data`,
          undefined,
          { hint: 'nestc down --volumes, then nestc up, recreates it (its data is lost)' },
        );
      }
      ops.push(op(v, 'volume', 'unchanged', [], v.name));
    } else if (observed.volumeNames.has(v.name)) {
      diags.warn(
        'apply-volume-foreign',
        `volume "${v.name}" (volumes.${v.key}) exists but was not created by nestc for project "${desired.project}"; nestc mounts it as it is`,
        undefined,
        { hint: 'declare it external: true if it is meant to be shared' },
      );
      ops.push(op(v, 'volume', 'unchanged', [], v.name));
    } else {
      ops.push(op(v, 'volume', 'create', []));
    }
  }
  return ops;
}

function op(
  r: DesiredNetwork | DesiredVolume,
  kind: 'network' | 'volume',
  action: Operation['action'],
  causes: string[],
  existingId?: string,
): Operation {
  return {
    id: `${kind}:${r.name}`,
    kind,
    action,
    name: r.name,
    label: r.key,
    causes,
    after: [],
    desired: r,
    ...(existingId !== undefined ? { existingId } : {}),
  };
}
