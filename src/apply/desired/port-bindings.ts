import type { PortConfig, Service } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import type { Body } from './body.js';
import type { DesiredContext } from './context.js';

/** The engine's key of a container port: `80/tcp`. */
function portKey(port: number | string, protocol: string): string {
  return `${port}/${protocol}`;
}

/**
 * `ports` and `expose` as the engine's `ExposedPorts` and `PortBindings` (Compose v2
 * `buildContainerPorts` / `buildContainerPortBindingOptions`). Each `ports` entry binds
 * `target/protocol` to `{HostIp, HostPort}`: the host address as written (`''`: every address),
 * the published port the resolver allocated, `''` when none was written (the engine picks an
 * ephemeral one), or a host range such as `9000-9005`, from which the engine binds one free
 * port. `expose` ranges are expanded, and a missing protocol is `tcp`. `mode`, `name` and
 * `app_protocol` change nothing outside swarm.
 */
export function portBindings(
  ctx: DesiredContext,
  name: string,
  s: Service,
): { exposed?: Body; bindings?: Body } {
  const exposed: Body = {};
  const bindings: Record<string, Body[]> = {};
  const expose = s.expose;
  if (Array.isArray(expose)) {
    expose.forEach((raw, i) => {
      const keys = exposeKeys(String(raw));
      if (!keys) {
        ctx.invalid(
          name,
          `expose[${i}]`,
          getLoc(expose, i) ?? ctx.serviceLoc(name),
          `"${String(raw)}" is not a port, a port range or PORT/PROTOCOL`,
        );
        return;
      }
      for (const k of keys) exposed[k] = {};
    });
  }
  const ports = s.ports;
  if (Array.isArray(ports)) {
    for (const p of ports as PortConfig[]) {
      const key = portKey(p.target, p.protocol ?? 'tcp');
      exposed[key] = {};
      (bindings[key] ??= []).push({
        HostIp: p.host_ip ?? '',
        HostPort: p.published === undefined || p.published === null ? '' : String(p.published),
      });
    }
  }
  return {
    ...(Object.keys(exposed).length > 0 ? { exposed } : {}),
    ...(Object.keys(bindings).length > 0 ? { bindings } : {}),
  };
}

/** `3000`, `3000-3002`, `53/udp` → `3000/tcp`, `3000/tcp` `3001/tcp` `3002/tcp`, `53/udp`. */
function exposeKeys(entry: string): string[] | undefined {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/.exec(entry.trim());
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) return undefined;
  const out: string[] = [];
  for (let p = from; p <= to; p++) out.push(portKey(p, m[3] ?? 'tcp'));
  return out;
}
