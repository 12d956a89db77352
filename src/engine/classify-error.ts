import { EngineError } from './engine-error.js';
import { ENGINE_OPS, type EngineOp } from './engine-ops.js';

/** What was being done when an engine call failed, for the message. */
export interface CallInfo {
  op: EngineOp;
  /** Name (or id) of the object the call is about. */
  target?: string;
  /** The engine's address (`unix:///var/run/docker.sock`), for "no engine answers at ...". */
  address: string;
  /** Overrides the generated phrase ("connecting container "a" to network "n""). */
  describe?: string;
}

/** Node's error codes for "nothing listens there" (socket file missing, port closed, host gone). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const VERBS: Record<string, string> = {
  create: 'creating',
  start: 'starting',
  stop: 'stopping',
  remove: 'removing',
  rename: 'renaming',
  connect: 'connecting',
  list: 'listing',
  inspect: 'inspecting',
  version: 'reading the version of',
  ping: 'pinging',
};

/**
 * Turn whatever an engine call threw (a socket error from Node, an HTTP error from docker-modem,
 * or an EngineError already) into an EngineError whose diagnostic names the object and what to
 * do. The engine's own words go into `detail`, since the summary must be one plain line.
 */
export function toEngineError(raw: unknown, call: CallInfo): EngineError {
  if (raw instanceof EngineError) return raw;
  const err = (raw ?? {}) as { code?: unknown; statusCode?: unknown; message?: unknown };
  const sysCode = typeof err.code === 'string' ? err.code : undefined;
  const status = typeof err.statusCode === 'number' ? err.statusCode : undefined;
  const message = engineMessage(raw);
  const doing = describeCall(call);

  if (status === undefined && sysCode && UNREACHABLE.has(sysCode)) {
    return new EngineError({
      code: 'engine-unreachable',
      severity: 'error',
      summary: `no Docker engine answers at ${call.address}`,
      detail: `${doing}: ${message}`,
      hint: 'start the engine (`sudo systemctl start docker`, or `dockerd`), or set DOCKER_HOST to the address of an engine that runs',
    });
  }
  if (status === undefined && (sysCode === 'EACCES' || sysCode === 'EPERM')) {
    return new EngineError({
      code: 'engine-permission-denied',
      severity: 'error',
      summary: `permission denied on the Docker socket at ${call.address}`,
      detail: `${doing}: ${message}`,
      hint: 'add your user to the group that owns the socket (`sudo usermod -aG docker "$USER"`, then log in again), or run nestc as a user allowed to use it',
    });
  }
  const port = portTaken(message);
  if (port) {
    return new EngineError(
      {
        code: 'engine-port-taken',
        severity: 'error',
        summary: `${doing}: host port ${port.binding} ${port.byProcess ? 'is in use by a process outside the engine' : 'is already allocated by another container'}`,
        detail: message,
        hint: 'free the port (`docker ps --filter publish=PORT` names the container, `ss -ltnp` the process), or publish another one; `nestc plan` shows the port map',
      },
      status,
    );
  }
  if (status === 409 && /already in use|already exists/i.test(message)) {
    return nameInUse(call, message, status);
  }
  if (status === 404) return notFound(call, message, status);
  return new EngineError(
    {
      code: 'engine-error',
      severity: 'error',
      summary: `${doing} failed: ${message}`,
      ...(status !== undefined ? { detail: `the engine answered HTTP ${status}` } : {}),
      hint: "the message is the engine's own: fix what it names, or read the engine's log (`journalctl -u docker`)",
    },
    status,
  );
}

function nameInUse(call: CallInfo, message: string, status: number): EngineError {
  const kind = ENGINE_OPS[call.op].kind;
  const owner = /by container "([0-9a-f]{12})/.exec(message)?.[1];
  const hints: Record<string, string> = {
    container:
      'another container has this name and nestc does not manage it for this project: remove or rename it (`docker rm NAME`), or give the service another `container_name`',
    network:
      'another network has this name: remove it (`docker network rm NAME`) or give the network another `name:`',
  };
  return new EngineError(
    {
      code: 'engine-name-in-use',
      severity: 'error',
      summary: `${kind} name "${call.target ?? '?'}" is already in use${owner ? ` by container ${owner}` : ''}`,
      detail: message,
      hint: hints[kind] ?? `remove the other ${kind} with this name, or rename this one`,
    },
    status,
  );
}

function notFound(call: CallInfo, message: string, status: number): EngineError {
  const image = /No such image: (\S+)/.exec(message)?.[1];
  if (image) {
    return new EngineError(
      {
        code: 'engine-not-found',
        severity: 'error',
        summary: `image "${image}" is not present on the engine`,
        detail: `${describeCall(call)}: ${message}`,
        hint: `build or pull it first (\`docker pull ${image}\`); nestc does not pull images yet`,
      },
      status,
    );
  }
  const network = /network (\S+) not found/.exec(message)?.[1];
  const kind = ENGINE_OPS[call.op].kind;
  const what = network ? `network "${network}"` : `${kind} "${call.target ?? '?'}"`;
  return new EngineError(
    {
      code: 'engine-not-found',
      severity: 'error',
      summary: `${what} does not exist on the engine`,
      detail: `${describeCall(call)}: ${message}`,
      hint: 'it was removed outside nestc while nestc worked, or never created: run the command again',
    },
    status,
  );
}

/** "Bind for 127.0.0.1:8080 failed: port is already allocated" (a container holds it) or
 * "listen tcp4 0.0.0.0:8080: bind: address already in use" (a process outside the engine). */
function portTaken(message: string): { binding: string; byProcess: boolean } | undefined {
  const bind = /Bind for (\S+) failed: port is already allocated/.exec(message);
  if (bind) return { binding: bind[1] as string, byProcess: false };
  const listen = /listen (?:tcp|udp|sctp)[46]? (\S+): bind: address already in use/.exec(message);
  if (listen) return { binding: listen[1] as string, byProcess: true };
  if (/port is already allocated|address already in use/.test(message)) {
    return { binding: '(see detail)', byProcess: /address already in use/.test(message) };
  }
  return undefined;
}

/** "creating container "web-1"", "listing networks". */
export function describeCall(call: CallInfo): string {
  if (call.describe) return call.describe;
  const [, verb = ''] = call.op.split('.');
  const kind = ENGINE_OPS[call.op].kind;
  const doing = VERBS[verb] ?? verb;
  if (kind === 'engine') return `${doing} the engine`;
  if (call.target === undefined) return `${doing} ${kind}s`;
  return `${doing} ${kind} "${call.target}"`;
}

/** The engine's message (docker-modem keeps the JSON body in `json`), on one line. */
function engineMessage(raw: unknown): string {
  const err = (raw ?? {}) as { json?: unknown; message?: unknown };
  const json = err.json as { message?: unknown } | string | undefined;
  let text: string | undefined;
  if (json && typeof json === 'object' && typeof json.message === 'string') text = json.message;
  else if (typeof json === 'string' && json.trim()) text = json;
  else if (Buffer.isBuffer(json) && json.length) text = json.toString('utf8');
  else if (typeof err.message === 'string') text = err.message;
  return (text ?? String(raw)).replace(/\s+/g, ' ').trim();
}
