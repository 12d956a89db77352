import type { Service } from '../../model/compose.js';
import { put, type Body } from './body.js';
import type { DesiredContext } from './context.js';
import { toEnv } from './environment.js';
import { parseDurationNs } from './units.js';

/**
 * The image a service runs: `image`, else the name Compose v2 gives a built image,
 * `PROJECT-SERVICE` (`GetImageNameOrDefault`).
 */
export function imageOf(project: string, name: string, service: Service): string {
  return typeof service.image === 'string' && service.image !== ''
    ? service.image
    : `${project}-${name}`;
}

/**
 * The top-level fields of the `ContainerCreate` body that come straight from the service (the
 * `container.Config` part of Compose v2's `getCreateConfigs`); labels, ports, healthcheck and
 * networking are added by their own mappers.
 */
export function containerConfig(ctx: DesiredContext, name: string, s: Service): Body {
  const body: Body = { Image: imageOf(ctx.project.name, name, s) };
  if (s.command !== null && s.command !== undefined) body.Cmd = [...s.command];
  if (s.entrypoint !== null && s.entrypoint !== undefined) body.Entrypoint = [...s.entrypoint];
  put(body, 'Env', toEnv(s.environment));
  put(body, 'WorkingDir', str(s.working_dir));
  put(body, 'User', str(s.user));
  put(body, 'Hostname', str(s.hostname));
  put(body, 'Domainname', str(s.domainname));
  put(body, 'MacAddress', str(s.mac_address));
  put(body, 'StopSignal', str(s.stop_signal));
  if (s.tty !== undefined) body.Tty = s.tty === true;
  if (s.stdin_open !== undefined) body.OpenStdin = s.stdin_open === true;
  if (s.stop_grace_period !== undefined) {
    const d = parseDurationNs(s.stop_grace_period);
    if (d.ok) body.StopTimeout = Math.trunc(d.value / 1e9);
    else ctx.invalid(name, 'stop_grace_period', ctx.locOf(name, s, 'stop_grace_period'), d.message);
  }
  return body;
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}
