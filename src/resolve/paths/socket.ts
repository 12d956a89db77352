import type { SourceLoc } from '../../diag/diagnostic.js';
import type { ServiceVolume } from '../../model/compose.js';
import { getLoc, setSelfLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext } from '../types.js';
import { engineEndpoint } from './engine-socket.js';
import { normalizeAbs } from './translate.js';

/**
 * `x-nest.socket: host`: the engine socket mounted into the parent (rule 8), with a warning.
 *
 * Runs after the node's own paths are translated, so the bind it adds is a host path already
 * (the socket as nestc reaches it, at the same path inside the container, where clients look
 * for it) and is not translated again. The socket's group goes into `group_add` so a non-root
 * user in the parent can use it. An engine reached over `tcp://` or `ssh://` has no socket: the
 * parent gets `DOCKER_HOST` instead. A mount or a `DOCKER_HOST` the service already declares
 * wins. The warning is always given: the parent is root on the host either way.
 */
export function applySocket(node: NestNode, ctx: ResolveContext): void {
  const s = node.service;
  const loc = socketLoc(node);
  const endpoint = engineEndpoint(ctx.options);
  let what: string;
  if (endpoint.kind === 'remote') {
    const env = (s.environment ??= {});
    if (!('DOCKER_HOST' in env)) env.DOCKER_HOST = endpoint.url;
    what = `the engine at ${endpoint.url}`;
  } else {
    const path = endpoint.path;
    const volumes = (s.volumes ??= []);
    if (!volumes.some((v) => normalizeAbs(v.target) === path)) {
      const bind: ServiceVolume = { type: 'bind', source: path, target: path };
      // Derived from `socket: host`: errors about this mount point there.
      if (loc) setSelfLoc(bind, loc);
      volumes.push(bind);
    }
    const gid = ctx.options.socketGid;
    if (gid !== undefined) {
      const groups = Array.isArray(s.group_add) ? (s.group_add as unknown[]) : [];
      if (!groups.some((g) => String(g) === String(gid))) groups.push(String(gid));
      s.group_add = groups;
    }
    what = `the engine socket ${path}`;
  }
  ctx.diags.warn(
    'nest-socket-host',
    `services.${node.nestPath}: x-nest.socket: host gives this service ${what}: it is root on the host`,
    loc,
    {
      hint: 'anyone who controls this container controls the host; use `socket: none` unless it must start containers itself',
    },
  );
}

/** The `socket` key of the service's `x-nest`, else the `x-nest` key itself. */
function socketLoc(node: NestNode): SourceLoc | undefined {
  const block = node.service['x-nest'];
  const at = block && typeof block === 'object' ? getLoc(block, 'socket') : undefined;
  return at ?? node.nest?.loc;
}
