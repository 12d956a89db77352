import type { Service } from '../../model/compose.js';
import { getKeyLoc } from '../../model/locations.js';
import { put, stringList, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { securityOpts } from './security-opt.js';
import { parseBytes, parseInteger } from './units.js';

/**
 * The plain `HostConfig` fields of a service (the simple part of Compose v2's `hostConfig`):
 * capabilities, privileges, kernel settings, DNS and hosts, `/dev/shm`, service-level tmpfs and
 * logging. Mounts, ports, namespaces, resources, restart and networking have their own mappers.
 */
export function hostConfig(ctx: DesiredContext, name: string, s: Service): Body {
  const host: Body = {};
  put(host, 'CapAdd', stringList(s.cap_add));
  put(host, 'CapDrop', stringList(s.cap_drop));
  if (s.privileged !== undefined) host.Privileged = s.privileged === true;
  if (s.read_only !== undefined) host.ReadonlyRootfs = s.read_only === true;
  if (s.init !== undefined) host.Init = s.init === true;
  securityOpts(ctx, name, s, host);
  put(host, 'GroupAdd', stringList(s.group_add));
  put(host, 'ExtraHosts', extraHosts(s.extra_hosts));
  put(host, 'Dns', stringList(s.dns));
  put(host, 'DnsSearch', stringList(s.dns_search));
  put(host, 'DnsOptions', stringList(s.dns_opt));
  put(host, 'Sysctls', stringMap(s.sysctls));
  put(host, 'StorageOpt', stringMap(s.storage_opt));
  put(host, 'Tmpfs', tmpfs(s.tmpfs));
  put(host, 'Runtime', s.runtime === undefined ? undefined : String(s.runtime));
  put(host, 'Isolation', s.isolation === undefined ? undefined : String(s.isolation));
  if (s.shm_size !== undefined) {
    const b = parseBytes(s.shm_size);
    if (b.ok) host.ShmSize = b.value;
    else ctx.invalid(name, 'shm_size', ctx.locOf(name, s, 'shm_size'), b.message);
  }
  if (s.oom_score_adj !== undefined) {
    const n = parseInteger(s.oom_score_adj);
    if (n.ok) host.OomScoreAdj = n.value;
    else ctx.invalid(name, 'oom_score_adj', ctx.locOf(name, s, 'oom_score_adj'), n.message);
  }
  if (s.annotations !== undefined) {
    put(host, 'Annotations', stringMap(s.annotations));
    ctx.api.need('1.43', ctx.settingName(name, 'annotations'), getKeyLoc(s, 'annotations'));
  }
  const logging = s.logging as Record<string, unknown> | undefined;
  if (logging && typeof logging === 'object') {
    checkKeys(ctx, name, logging, 'logging', { mapped: ['driver', 'options'] });
    const log: Body = { Type: logging.driver === undefined ? '' : String(logging.driver) };
    put(log, 'Config', stringMap(logging.options));
    host.LogConfig = log;
  }
  return host;
}

/**
 * `extra_hosts` as `HOST:IP` lines (Compose v2 `ExtraHosts.AsList(":")`), in host name order,
 * each host's addresses in the order written.
 */
function extraHosts(v: unknown): string[] | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: string[] = [];
  const map = v as Record<string, unknown>;
  for (const host of Object.keys(map).sort()) {
    const ips = map[host];
    for (const ip of Array.isArray(ips) ? ips : [ips]) out.push(`${host}:${String(ip)}`);
  }
  return out;
}

/** Service-level `tmpfs` (`/run`, `/tmp:size=64m`) as the engine's path → options map. */
function tmpfs(v: unknown): Record<string, string> | undefined {
  const list = stringList(v);
  if (!list) return undefined;
  const out: Record<string, string> = {};
  for (const entry of list) {
    const i = entry.indexOf(':');
    if (i < 0) out[entry] = '';
    else out[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return out;
}
