import { EngineError } from './engine-error.js';

/** The engine's socket when DOCKER_HOST is unset, as the docker CLI uses it. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Where the engine is, read from DOCKER_HOST; `address` is the form messages print. */
export type DockerHost =
  | { kind: 'unix'; address: string; socketPath: string }
  | { kind: 'tcp'; address: string; host: string; port: number; tls: boolean }
  | { kind: 'ssh'; address: string; host: string; port: number; username?: string };

/**
 * Read DOCKER_HOST the way the docker CLI does: unset means the default socket; `unix://PATH`,
 * `tcp://HOST[:PORT]` (or a bare `HOST:PORT`; TLS when DOCKER_TLS_VERIFY or DOCKER_TLS is set
 * or the port is 2376) and `ssh://[USER@]HOST[:PORT]`. Anything else is an
 * `engine-host-invalid` error, thrown now rather than as a confusing connection failure later.
 */
export function parseDockerHost(env: NodeJS.ProcessEnv): DockerHost {
  const raw = (env.DOCKER_HOST ?? '').trim();
  if (raw === '') return unix(DEFAULT_SOCKET);
  if (raw.startsWith('unix://')) {
    const path = raw.slice('unix://'.length) || DEFAULT_SOCKET;
    if (!path.startsWith('/')) throw invalid(raw, 'the socket path must be absolute');
    return unix(path);
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'tcp') {
    const url = parseUrl(raw.includes('://') ? raw : `tcp://${raw}`, raw);
    const tls = Boolean(env.DOCKER_TLS_VERIFY || env.DOCKER_TLS) || url.port === '2376';
    const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
    return { kind: 'tcp', address: `tcp://${url.hostname}:${port}`, host: url.hostname, port, tls };
  }
  if (scheme === 'ssh') {
    const url = parseUrl(raw, raw);
    const port = url.port ? Number(url.port) : 22;
    const user = url.username ? decodeURIComponent(url.username) : undefined;
    return {
      kind: 'ssh',
      address: `ssh://${user ? `${user}@` : ''}${url.hostname}:${port}`,
      host: url.hostname,
      port,
      ...(user ? { username: user } : {}),
    };
  }
  if (scheme === 'npipe') throw invalid(raw, 'named pipes exist only on Windows');
  throw invalid(raw, `nestc reaches an engine by unix://, tcp:// or ssh://, not ${scheme}://`);
}

function unix(socketPath: string): DockerHost {
  return { kind: 'unix', address: `unix://${socketPath}`, socketPath };
}

function parseUrl(text: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(raw, 'it is not an address');
  }
  if (!url.hostname) throw invalid(raw, 'it names no host');
  return url;
}

function invalid(raw: string, why: string): EngineError {
  return new EngineError({
    code: 'engine-host-invalid',
    severity: 'error',
    summary: `DOCKER_HOST="${raw}" cannot be used: ${why}`,
    hint: 'set DOCKER_HOST to unix:///var/run/docker.sock, tcp://HOST:2375 or ssh://USER@HOST, or unset it to use the default socket',
  });
}
