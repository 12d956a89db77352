import type { Service } from '../../model/compose.js';

/**
 * The engine name of one replica, as Compose v2 names containers (`getContainerName`):
 * `container_name` when set (one replica only, the loader checks that), else
 * `PROJECT-SERVICE-N` with the flat service name and the replica number from 1.
 */
export function containerName(
  project: string,
  service: string,
  def: Service | undefined,
  n: number,
): string {
  const fixed = def?.container_name;
  if (typeof fixed === 'string' && fixed !== '') return fixed;
  return `${project}-${service}-${n}`;
}
