import type { Diagnostics } from '../../diag/diagnostic.js';
import {
  LABELS,
  type DesiredState,
  type ObservedState,
  type Operation,
  type ReconcileOptions,
} from '../types.js';
import { bareName } from './ownership.js';

/**
 * Containers of the project that no desired container matches by name. One of a service that
 * is still desired (scaled down, or renamed by a new `container_name`) is removed, as Compose
 * does: leaving it would run the service twice. One of a service that is gone is an orphan: it
 * is removed only with `--remove-orphans`, else a warning names it, because it may still hold
 * data or work someone wants.
 */
export function planOrphans(
  desired: DesiredState,
  observed: ObservedState,
  opts: ReconcileOptions,
  diags: Diagnostics,
): Operation[] {
  const wantedNames = new Set(desired.containers.map((c) => c.name));
  const replicas = new Map<string, number>();
  for (const c of desired.containers) replicas.set(c.service, (replicas.get(c.service) ?? 0) + 1);
  const ops: Operation[] = [];
  const existing = [...observed.containers].sort((a, b) => cmp(bareName(a.name), bareName(b.name)));
  for (const o of existing) {
    const name = bareName(o.name);
    if (wantedNames.has(name) || o.labels[LABELS.project] !== desired.project) continue;
    const service = o.labels[LABELS.service] ?? '';
    const label = o.labels[LABELS.path] ?? service;
    const remove = (cause: string): Operation => ({
      id: `container:${name}`,
      kind: 'container',
      action: 'remove',
      name,
      label,
      causes: [cause],
      after: [],
      existingId: o.id,
    });
    const count = replicas.get(service);
    if (count !== undefined) {
      const number = Number(o.labels[LABELS.number] ?? '0');
      ops.push(
        remove(number > count ? `scaled down to ${count}` : 'replaced by a renamed container'),
      );
    } else if (opts.removeOrphans) {
      ops.push(remove('orphan'));
    } else {
      diags.warn(
        'apply-orphan',
        `container "${name}"${label ? ` (${label})` : ''} belongs to project "${desired.project}" but to no service of the nestfile`,
        undefined,
        { hint: 'run nestc up --remove-orphans to remove it' },
      );
    }
  }
  return ops;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
