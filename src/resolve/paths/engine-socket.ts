import type { ResolveOptions } from '../types.js';
import { normalizeAbs } from './translate.js';

/** The engine's default socket when `DOCKER_HOST` names none. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * How the engine is reached (NESTFILE.md rule 8): a Unix socket path that `socket: host` mounts
 * (from `DOCKER_HOST=unix://PATH`, else the default socket), or a `tcp://` / `ssh://` address
 * that is passed as `DOCKER_HOST` instead, since there is nothing to mount.
 */
export type EngineEndpoint = { kind: 'socket'; path: string } | { kind: 'remote'; url: string };

export function engineEndpoint(options: ResolveOptions): EngineEndpoint {
  const host = options.dockerHost ?? '';
  if (host.startsWith('unix://') && host.length > 'unix://'.length) {
    return { kind: 'socket', path: normalizeAbs(host.slice('unix://'.length)) };
  }
  if (host.startsWith('tcp://') || host.startsWith('ssh://')) return { kind: 'remote', url: host };
  return { kind: 'socket', path: DEFAULT_SOCKET };
}

/**
 * The socket path a child's bind is compared with: the Unix socket nestc talks to, or the
 * default one when the engine is remote (a child mounting it still asks for the socket).
 */
export function socketPath(options: ResolveOptions): string {
  const e = engineEndpoint(options);
  return e.kind === 'socket' ? e.path : DEFAULT_SOCKET;
}
