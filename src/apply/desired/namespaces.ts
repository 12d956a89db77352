import type { Service } from '../../model/compose.js';
import type { Body } from './body.js';
import { containerName } from './container-name.js';
import type { DesiredContext } from './context.js';

/**
 * The engine's name for "the container of service NAME": its first replica, as Compose v2 picks
 * the first container of the service for `service:NAME` and `volumes_from`. By name, not id, so
 * the desired state needs no engine.
 */
export function serviceContainer(ctx: DesiredContext, service: string): string {
  return containerName(ctx.project.name, service, ctx.service(service), 1);
}

/**
 * A namespace mode as the engine takes it: `service:NAME` becomes `container:<first replica of
 * NAME>`; `host`, `none`, `container:X`, `private`, `shareable`... pass as written.
 */
export function namespaceMode(ctx: DesiredContext, mode: string): string {
  return mode.startsWith('service:')
    ? `container:${serviceContainer(ctx, mode.slice('service:'.length))}`
    : mode;
}

/**
 * `pid`, `ipc`, `uts`, `cgroup`, `userns_mode` and `volumes_from` as `HostConfig` fields. The
 * engine shares pid and ipc namespaces with another container (`service:NAME` allowed); uts,
 * cgroup and userns only with the host, so `service:` there is an error.
 */
export function namespaces(ctx: DesiredContext, name: string, s: Service, host: Body): void {
  if (typeof s.pid === 'string') host.PidMode = namespaceMode(ctx, s.pid);
  if (typeof s.ipc === 'string') host.IpcMode = namespaceMode(ctx, s.ipc);
  for (const [key, field] of [
    ['uts', 'UTSMode'],
    ['cgroup', 'CgroupnsMode'],
    ['userns_mode', 'UsernsMode'],
  ] as const) {
    const v = s[key];
    if (typeof v !== 'string') continue;
    if (v.startsWith('service:')) {
      ctx.unsupported(
        name,
        key,
        ctx.locOf(name, s, key),
        `the engine cannot share the ${key} namespace with another container`,
      );
    } else host[field] = v;
  }
  const from = s.volumes_from;
  if (Array.isArray(from)) {
    host.VolumesFrom = from.map((raw) => volumesFrom(ctx, String(raw)));
  }
}

/**
 * One `volumes_from` entry (`SERVICE[:ro|rw]` or `container:NAME[:ro|rw]`) as the engine's
 * `NAME[:ro|rw]`, a service naming its first replica.
 */
function volumesFrom(ctx: DesiredContext, entry: string): string {
  if (entry.startsWith('container:')) return entry.slice('container:'.length);
  const [svc = '', mode] = entry.split(':');
  const target = serviceContainer(ctx, svc);
  return mode === undefined ? target : `${target}:${mode}`;
}
