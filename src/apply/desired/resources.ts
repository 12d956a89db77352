import type { Service } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import { put, stringList, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { parseBytes, parseDecimal, parseInteger, parseMicroseconds, type Parsed } from './units.js';

type Parser = (v: unknown) => Parsed<number>;

/** Service keys that are one numeric `HostConfig` resource field each. */
const NUMERIC: readonly (readonly [string, string, Parser])[] = [
  ['cpu_shares', 'CpuShares', parseInteger],
  ['cpu_quota', 'CpuQuota', parseInteger],
  ['cpu_period', 'CpuPeriod', parseInteger],
  ['cpu_rt_period', 'CpuRealtimePeriod', parseMicroseconds],
  ['cpu_rt_runtime', 'CpuRealtimeRuntime', parseMicroseconds],
  ['mem_limit', 'Memory', parseBytes],
  ['memswap_limit', 'MemorySwap', bytesOrMinusOne],
  ['mem_reservation', 'MemoryReservation', parseBytes],
  ['mem_swappiness', 'MemorySwappiness', parseInteger],
  ['pids_limit', 'PidsLimit', parseInteger],
];

/**
 * The resource fields of `HostConfig` (Compose v2 `getDeployResources`): CPU and memory limits,
 * pids, cgroup parent, devices, ulimits, block IO; then `deploy.resources`, whose limits win, as
 * in Compose (`limits.cpus` → `NanoCpus`, `limits.memory` → `Memory`, `limits.pids` →
 * `PidsLimit`, `reservations.memory` → `MemoryReservation`, `reservations.devices` →
 * `DeviceRequests`). `reservations.cpus` and generic resources are swarm-only: a warning.
 */
export function resources(ctx: DesiredContext, name: string, s: Service, host: Body): void {
  const num = (obj: object, key: string, path: string, parse: Parser): number | undefined => {
    const v = (obj as Record<string, unknown>)[key];
    if (v === undefined || v === null) return undefined;
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.invalid(name, path, ctx.locOf(name, obj, key), r.message);
    return undefined;
  };
  const cpus = num(s, 'cpus', 'cpus', parseDecimal);
  if (cpus !== undefined) host.NanoCpus = Math.round(cpus * 1e9);
  for (const [key, field, parse] of NUMERIC) put(host, field, num(s, key, key, parse));
  if (s.oom_kill_disable !== undefined) host.OomKillDisable = s.oom_kill_disable === true;
  put(host, 'CpusetCpus', s.cpuset === undefined ? undefined : String(s.cpuset));
  put(host, 'CgroupParent', s.cgroup_parent === undefined ? undefined : String(s.cgroup_parent));
  put(host, 'DeviceCgroupRules', stringList(s.device_cgroup_rules));
  devices(ctx, name, s, host);
  put(host, 'Ulimits', ulimits(ctx, name, s));
  blkio(ctx, name, s, host, num);

  const res = s.deploy?.resources as Record<string, unknown> | undefined;
  if (!res || typeof res !== 'object') return;
  checkKeys(ctx, name, res, 'deploy.resources', { mapped: ['limits', 'reservations'] });
  const limits = res.limits as Record<string, unknown> | undefined;
  if (limits && typeof limits === 'object') {
    checkKeys(ctx, name, limits, 'deploy.resources.limits', { mapped: ['cpus', 'memory', 'pids'] });
    const c = num(limits, 'cpus', 'deploy.resources.limits.cpus', parseDecimal);
    if (c !== undefined && c !== 0) host.NanoCpus = Math.round(c * 1e9);
    const m = num(limits, 'memory', 'deploy.resources.limits.memory', parseBytes);
    if (m !== undefined && m !== 0) host.Memory = m;
    const p = num(limits, 'pids', 'deploy.resources.limits.pids', parseInteger);
    if (p !== undefined && p > 0) host.PidsLimit = p;
  }
  const resv = res.reservations as Record<string, unknown> | undefined;
  if (resv && typeof resv === 'object') {
    const swarm =
      'reservations other than memory and devices are swarm settings; docker compose ignores them too';
    checkKeys(ctx, name, resv, 'deploy.resources.reservations', {
      mapped: ['memory', 'devices'],
      ignored: { cpus: swarm, generic_resources: swarm },
    });
    const m = num(resv, 'memory', 'deploy.resources.reservations.memory', parseBytes);
    if (m !== undefined && m !== 0) host.MemoryReservation = m;
    deviceRequests(ctx, name, resv, host);
  }
}

/** `memswap_limit: -1` means unlimited swap; anything else is a size. */
function bytesOrMinusOne(v: unknown): Parsed<number> {
  return v === -1 || v === '-1' ? { ok: true, value: -1 } : parseBytes(v);
}

/** `devices` (`{source, target, permissions}` after the loader) as `DeviceMapping`s. */
function devices(ctx: DesiredContext, name: string, s: Service, host: Body): void {
  const list = s.devices;
  if (!Array.isArray(list)) return;
  const out: Body[] = [];
  list.forEach((d: unknown, i) => {
    if (d === null || typeof d !== 'object') return;
    const dev = d as Record<string, unknown>;
    const source = String(dev.source ?? '');
    const target = dev.target === undefined ? source : String(dev.target);
    if (source === target && /^[^/]+\/[^=]+=.+$/.test(source)) {
      ctx.unsupported(
        name,
        `devices[${i}]`,
        getLoc(list, i) ?? ctx.serviceLoc(name),
        'CDI device names need Engine API 1.45 device requests, which nestc does not send yet',
      );
      return;
    }
    out.push({
      PathOnHost: source,
      PathInContainer: target,
      CgroupPermissions: dev.permissions === undefined ? 'rwm' : String(dev.permissions),
    });
  });
  if (out.length > 0) host.Devices = out;
}

/** `ulimits` (`nofile: 1024` or `{soft, hard}`) as `Ulimit`s, in name order. */
function ulimits(ctx: DesiredContext, name: string, s: Service): Body[] | undefined {
  const map = s.ulimits as Record<string, unknown> | undefined;
  if (!map || typeof map !== 'object') return undefined;
  const out: Body[] = [];
  for (const key of Object.keys(map).sort()) {
    const v = map[key];
    const both =
      v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : { soft: v, hard: v };
    const soft = parseInteger(both.soft);
    const hard = parseInteger(both.hard);
    if (!soft.ok || !hard.ok) {
      const msg = !soft.ok ? soft.message : !hard.ok ? hard.message : '';
      ctx.invalid(name, `ulimits.${key}`, ctx.locOf(name, map, key), msg);
      continue;
    }
    out.push({ Name: key, Soft: soft.value, Hard: hard.value });
  }
  return out;
}

/** `blkio_config`: weight, per-device weights and throttles (rates as sizes, IOPS as integers). */
function blkio(
  ctx: DesiredContext,
  name: string,
  s: Service,
  host: Body,
  num: (obj: object, key: string, path: string, parse: Parser) => number | undefined,
): void {
  const b = s.blkio_config as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return;
  const lists = [
    ['device_read_bps', 'BlkioDeviceReadBps', parseBytes],
    ['device_write_bps', 'BlkioDeviceWriteBps', parseBytes],
    ['device_read_iops', 'BlkioDeviceReadIOps', parseInteger],
    ['device_write_iops', 'BlkioDeviceWriteIOps', parseInteger],
  ] as const;
  checkKeys(ctx, name, b, 'blkio_config', {
    mapped: ['weight', 'weight_device', ...lists.map(([k]) => k)],
  });
  put(host, 'BlkioWeight', num(b, 'weight', 'blkio_config.weight', parseInteger));
  const wd = b.weight_device;
  if (Array.isArray(wd)) {
    host.BlkioWeightDevice = wd.map((e: Record<string, unknown>, i) => ({
      Path: String(e.path ?? ''),
      Weight: num(e, 'weight', `blkio_config.weight_device[${i}].weight`, parseInteger) ?? 0,
    }));
  }
  for (const [key, field, parse] of lists) {
    const l = b[key];
    if (!Array.isArray(l)) continue;
    host[field] = l.map((e: Record<string, unknown>, i) => ({
      Path: String(e.path ?? ''),
      Rate: num(e, 'rate', `blkio_config.${key}[${i}].rate`, parse) ?? 0,
    }));
  }
}

/** `deploy.resources.reservations.devices` as `DeviceRequests` (GPUs and the like). */
function deviceRequests(
  ctx: DesiredContext,
  name: string,
  resv: Record<string, unknown>,
  host: Body,
): void {
  const list = resv.devices;
  if (!Array.isArray(list)) return;
  const out: Body[] = [];
  list.forEach((d: Record<string, unknown>, i) => {
    const path = `deploy.resources.reservations.devices[${i}]`;
    checkKeys(ctx, name, d, path, {
      mapped: ['capabilities', 'count', 'device_ids', 'driver', 'options'],
    });
    const req: Body = {};
    put(req, 'Driver', d.driver === undefined ? undefined : String(d.driver));
    if (d.count === 'all') req.Count = -1;
    else if (d.count !== undefined) {
      const n = parseInteger(d.count);
      if (n.ok) req.Count = n.value;
      else ctx.invalid(name, `${path}.count`, ctx.locOf(name, d, 'count'), n.message);
    }
    put(req, 'DeviceIDs', stringList(d.device_ids));
    put(req, 'Capabilities', [stringList(d.capabilities) ?? []]);
    put(req, 'Options', stringMap(d.options));
    out.push(req);
  });
  if (out.length > 0) host.DeviceRequests = out;
}
