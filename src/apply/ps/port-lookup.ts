import type { PublishedPort } from '../../engine/types.js';
import type { PsRow } from './ps-rows.js';

/** `PORT[/PROTO]` of `nestc port`, parsed. */
export interface PortSpec {
  port: number;
  protocol: string;
}

/** `5432`, `53/udp`; undefined when it is not a port (1-65535) with tcp, udp or sctp. */
export function parsePortSpec(text: string): PortSpec | undefined {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text.trim());
  if (!m) return undefined;
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return undefined;
  return { port, protocol: (m[2] ?? 'tcp').toLowerCase() };
}

/**
 * The containers of a service named by nest path (`agent/db`), flat service name
 * (`agent-db`) or container name, replica 1 first. A nest path wins over a flat name, so
 * `agent-db` still finds the service a user wrote as `agent-db` at the root.
 */
export function serviceRows(rows: readonly PsRow[], service: string): PsRow[] {
  for (const pick of [
    (r: PsRow) => r.nestPath === service,
    (r: PsRow) => r.service === service,
    (r: PsRow) => r.name === service,
  ]) {
    const found = rows.filter(pick);
    if (found.length > 0) return found.sort((a, b) => a.number - b.number);
  }
  return [];
}

/**
 * The bindings of one container port, IPv4 first (the engine lists `0.0.0.0` and `::` for one
 * mapping): the first is what `nestc port SERVICE PORT` prints.
 */
export function bindingsOf(row: PsRow, spec: PortSpec): PublishedPort[] {
  return row.ports
    .filter((p) => p.containerPort === spec.port && p.protocol === spec.protocol)
    .sort((a, b) => Number(isIpv6(a.hostIp)) - Number(isIpv6(b.hostIp)));
}

/** `127.0.0.1:20000`, `0.0.0.0:8080` (every address), `[::1]:8080`. */
export function hostAddress(p: PublishedPort): string {
  const ip = p.hostIp === '' ? '0.0.0.0' : p.hostIp;
  return isIpv6(ip) ? `[${ip}]:${p.hostPort}` : `${ip}:${p.hostPort}`;
}

function isIpv6(ip: string): boolean {
  return ip.includes(':');
}
