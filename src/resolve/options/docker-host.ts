import fs from 'node:fs';

/** Where the engine listens when `DOCKER_HOST` does not say otherwise. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * The unix socket the engine listens on, as nestc sees it (rule 8): the path of a `unix://`
 * `DOCKER_HOST`, the default socket when `DOCKER_HOST` is unset or empty, and none for a
 * `tcp://` or `ssh://` engine (there is no socket to mount; the address is passed instead).
 */
export function socketPath(dockerHost: string | undefined): string | undefined {
  if (dockerHost === undefined || dockerHost === '') return DEFAULT_SOCKET;
  if (dockerHost.startsWith('unix://')) return dockerHost.slice('unix://'.length) || undefined;
  return undefined;
}

/** `fs.statSync`'s shape, narrowed to what `socketGid` reads (a seam for tests). */
export type StatGid = (path: string) => { gid: number } | undefined;

/** The real `stat`: undefined when the path does not exist or cannot be read. */
export const statGid: StatGid = (p) => {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
};

/**
 * The group that owns the engine socket, when the socket exists here: `socket: host` adds it to
 * the parent's `group_add`, so a non-root process in the parent can use the socket. Unknown (no
 * socket on this machine, a remote engine) is not an error: `compile` runs without an engine.
 */
export function socketGid(
  dockerHost: string | undefined,
  stat: StatGid = statGid,
): number | undefined {
  const p = socketPath(dockerHost);
  return p === undefined ? undefined : stat(p)?.gid;
}
