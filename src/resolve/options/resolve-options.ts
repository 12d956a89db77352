import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { PathMapEntry, ResolveOptions } from '../types.js';
import { detectContainerId } from './container-id.js';
import { socketGid, statGid, type StatGid } from './docker-host.js';

/** The resolver flags of `compile` and `graph`, already parsed (see `cli-flags`). */
export interface ResolveFlags {
  portRange?: { from: number; to: number };
  strictPorts?: boolean;
  pathMap?: PathMapEntry[];
}

/**
 * What nestc learns about the machine it runs on: the environment, the engine socket's owner
 * and its own container id. A seam, so that tests can describe a container without being one.
 */
export interface HostProbe {
  env: NodeJS.ProcessEnv;
  stat: StatGid;
  containerId: () => string | undefined;
}

/** The real machine. */
export function hostProbe(env: NodeJS.ProcessEnv = process.env): HostProbe {
  return { env, stat: statGid, containerId: () => detectContainerId() };
}

/**
 * The resolver's options from the flags and the machine: `DOCKER_HOST` (rule 8: what
 * `socket: host` mounts or passes), the socket's group, and a warning when nestc runs in a
 * container with no `--path-map` (rule 9): without an engine, `compile` cannot read its own
 * mounts, so the root project's paths would be the container's, not the host's.
 */
export function resolveOptionsFor(
  flags: ResolveFlags,
  host: HostProbe,
): { options: ResolveOptions; diagnostics: Diagnostic[] } {
  const dockerHost = host.env.DOCKER_HOST || undefined;
  const gid = socketGid(dockerHost, host.stat);
  const options: ResolveOptions = {
    ...(flags.portRange ? { portRange: flags.portRange } : {}),
    ...(flags.strictPorts ? { strictPorts: true } : {}),
    ...(flags.pathMap?.length ? { pathMap: flags.pathMap } : {}),
    ...(dockerHost !== undefined ? { dockerHost } : {}),
    ...(gid !== undefined ? { socketGid: gid } : {}),
  };
  const diags = new Diagnostics();
  const id = flags.pathMap?.length ? undefined : host.containerId();
  if (id !== undefined) {
    diags.warn(
      'nest-in-container-no-path-map',
      `nestc runs in container ${id.slice(0, 12)} and no --path-map was given: root paths are this container's, not the host's`,
      undefined,
      {
        hint: 'pass --path-map CONTAINER_PATH=HOST_PATH for the project directory (as the host sees it), or run nestc on the host',
      },
    );
  }
  return { options, diagnostics: diags.items };
}
