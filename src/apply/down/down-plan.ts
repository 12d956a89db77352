import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { ContainerSummary, NetworkSummary, VolumeSummary } from '../../engine/types.js';
import { LABELS, type Operation } from '../types.js';
import type { ProjectServices } from './project-services.js';

/** What `down` found on the engine, in one pass, and what the nestfile says. */
export interface DownInput {
  project: string;
  /** Every container on the engine (the project's are picked by label). */
  containers: ContainerSummary[];
  /** The project's networks (by label). */
  networks: NetworkSummary[];
  /** The project's volumes (by label); only looked at with `--volumes`. */
  volumes: VolumeSummary[];
  /** The nestfile's services; undefined when it no longer loads (everything labelled goes). */
  services?: ProjectServices;
  /** Volume name → containers that are kept and mount it (orphans left without `--remove-orphans`). */
  keptVolumeUsers?: ReadonlyMap<string, readonly string[]>;
}

export interface DownOptions {
  /** `--volumes`: remove the project's volumes too, and containers' anonymous volumes. */
  volumes: boolean;
  /** `--remove-orphans`: remove labelled containers of services the nestfile no longer has. */
  removeOrphans: boolean;
}

/** The removals, as plan operations the executor's scheduler walks, and what was kept. */
export interface DownPlan {
  project: string;
  operations: Operation[];
  /** Containers of the project that stay (orphans without `--remove-orphans`). */
  kept: ContainerSummary[];
  /** Warnings: orphans kept, networks and volumes kept because something still uses them. */
  diagnostics: Diagnostic[];
}

/**
 * The pure half of `down` (NESTFILE.md rule 6: reverse dependency order). Every container of the
 * project is stopped before the containers of the services it depends on, so a dependent never
 * finds its dependency gone while it still runs (`afterReleased`: a dependency waits for its
 * dependents to stop, not to be removed too); a network goes after the containers on it; volumes
 * (with `--volumes`) after every container. An orphan goes only with `--remove-orphans`, as in
 * Compose; otherwise it is kept with a warning, and so are the networks and volumes it still
 * uses. A network that a container of another project still uses is kept too: removing it
 * would fail. Deterministic: operations in kind, then name order.
 */
export function planDown(input: DownInput, opts: DownOptions): DownPlan {
  const diags = new Diagnostics();
  const own = input.containers
    .filter((c) => c.labels[LABELS.project] === input.project)
    .sort((a, b) => cmp(a.name, b.name));
  const isOrphan = (c: ContainerSummary): boolean =>
    input.services !== undefined && !input.services.services.has(c.labels[LABELS.service] ?? '');

  const removed: ContainerSummary[] = [];
  const kept: ContainerSummary[] = [];
  for (const c of own) {
    if (!isOrphan(c) || opts.removeOrphans) removed.push(c);
    else {
      kept.push(c);
      diags.warn(
        'apply-orphan',
        `container "${c.name}"${pathOf(c) ? ` (${pathOf(c)})` : ''} belongs to project "${input.project}" but to no service of the nestfile; it is left running`,
        undefined,
        { hint: 'run nestc down --remove-orphans to remove it too' },
      );
    }
  }

  const containerOps = removed.map((c) => containerOp(c, isOrphan(c)));
  linkReverseDependencies(containerOps, removed, input.services);

  const networkOps: Operation[] = [];
  for (const n of [...input.networks].sort((a, b) => cmp(a.name, b.name))) {
    const users = input.containers.filter((c) => c.networks.includes(n.name));
    const staying = users.filter((c) => !removed.includes(c));
    if (staying.length > 0) {
      diags.warn(
        'apply-down-kept',
        `network ${n.name} is kept: ${staying.map((c) => `container "${c.name}"`).join(', ')} still ${staying.length === 1 ? 'uses' : 'use'} it`,
        undefined,
        { hint: 'remove or disconnect those containers, then run nestc down again' },
      );
      continue;
    }
    networkOps.push(
      resourceOp('network', n.name, n.labels, users.map((c) => `container:${c.name}`).sort()),
    );
  }

  const volumeOps: Operation[] = [];
  if (opts.volumes) {
    const allContainers = containerOps.map((o) => o.id);
    for (const v of [...input.volumes].sort((a, b) => cmp(a.name, b.name))) {
      const users = input.keptVolumeUsers?.get(v.name) ?? [];
      if (users.length > 0) {
        diags.warn(
          'apply-down-kept',
          `volume ${v.name} is kept: ${users.map((u) => `container "${u}"`).join(', ')} still ${users.length === 1 ? 'mounts' : 'mount'} it`,
          undefined,
          { hint: 'run nestc down --volumes --remove-orphans to remove them and the volume' },
        );
        continue;
      }
      volumeOps.push(resourceOp('volume', v.name, v.labels, allContainers));
    }
  }

  return {
    project: input.project,
    operations: [...containerOps, ...networkOps, ...volumeOps],
    kept,
    diagnostics: diags.items,
  };
}

/**
 * A container is stopped after every container that depends on it is stopped: the edges of
 * `up`, reversed. Without the nestfile there are no edges (any order).
 */
function linkReverseDependencies(
  ops: Operation[],
  containers: ContainerSummary[],
  services: ProjectServices | undefined,
): void {
  if (!services) return;
  const byService = new Map<string, string[]>();
  containers.forEach((c, i) => {
    const s = c.labels[LABELS.service] ?? '';
    byService.set(s, [...(byService.get(s) ?? []), ops[i]!.id]);
  });
  containers.forEach((c, i) => {
    const mine = c.labels[LABELS.service] ?? '';
    const after = new Set<string>();
    for (const [service, deps] of services.dependsOn) {
      if (service === mine || !deps.includes(mine)) continue;
      for (const id of byService.get(service) ?? []) after.add(id);
    }
    ops[i]!.afterReleased = [...after].sort();
  });
}

function containerOp(c: ContainerSummary, orphan: boolean): Operation {
  return {
    id: `container:${c.name}`,
    kind: 'container',
    action: 'remove',
    name: c.name,
    label: pathOf(c),
    causes: orphan ? ['orphan'] : [],
    after: [],
    existingId: c.id,
  };
}

function resourceOp(
  kind: 'network' | 'volume',
  name: string,
  labels: Record<string, string>,
  after: string[],
): Operation {
  return {
    id: `${kind}:${name}`,
    kind,
    action: 'remove',
    name,
    label: labels[LABELS.resource] ?? name,
    causes: [],
    after,
  };
}

function pathOf(c: ContainerSummary): string {
  return c.labels[LABELS.path] ?? c.labels[LABELS.service] ?? '';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
