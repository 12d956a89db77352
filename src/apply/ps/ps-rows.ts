import type { Engine } from '../../engine/engine.js';
import type {
  ContainerState,
  ContainerSummary,
  HealthState,
  PublishedPort,
} from '../../engine/types.js';
import { LABELS } from '../types.js';

/** One container of the project, as `nestc ps` and `nestc port` show it. */
export interface PsRow {
  /** Engine container name. */
  name: string;
  /** Flat service name (`agent-db`). */
  service: string;
  /** Nest path (`agent/db`); the flat name when the label is missing. */
  nestPath: string;
  /** Replica number, from 1. */
  number: number;
  state: ContainerState;
  /** Only while running; `none` when it has no healthcheck. */
  health?: HealthState;
  /** Host ports it publishes now (none unless running), by container port, IPv4 first. */
  ports: PublishedPort[];
}

/**
 * The project's containers, by label, in one list call: what `ps` and `port` read. No
 * planning, no nestfile beyond its project name, so both answer fast and on any state.
 */
export async function projectContainers(
  engine: Engine,
  project: string,
): Promise<ContainerSummary[]> {
  return engine.containers.list({ label: [`${LABELS.project}=${project}`] });
}

/**
 * Rows in a deterministic order: nest path, then replica number, then name (a container
 * without labels last among equals), whatever order the engine listed them in.
 */
export function psRows(containers: readonly ContainerSummary[]): PsRow[] {
  return containers
    .map((c): PsRow => {
      const service = c.labels[LABELS.service] ?? '';
      return {
        name: c.name,
        service,
        nestPath: c.labels[LABELS.path] ?? service,
        number: Number.parseInt(c.labels[LABELS.number] ?? '', 10) || 1,
        state: c.state,
        ...(c.health ? { health: c.health } : {}),
        ports: [...c.ports].sort(byContainerPort),
      };
    })
    .sort((a, b) => cmp(a.nestPath, b.nestPath) || a.number - b.number || cmp(a.name, b.name));
}

function byContainerPort(a: PublishedPort, b: PublishedPort): number {
  const v6 = (ip: string): number => (ip.includes(':') ? 1 : 0);
  return (
    a.containerPort - b.containerPort ||
    cmp(a.protocol, b.protocol) ||
    v6(a.hostIp) - v6(b.hostIp) ||
    cmp(a.hostIp, b.hostIp) ||
    a.hostPort - b.hostPort
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
