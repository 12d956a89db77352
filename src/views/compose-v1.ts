import type { Project } from '../model/compose.js';
import { isWritten } from '../model/locations.js';
import { lowerDevice, lowerVolume } from './compose-v1-mounts.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `compose-v1` lowering: the model rewritten into what docker-compose 1.29 reads, each
 * rewrite keeping meaning (the reason is beside each one), so the dialect never changes what
 * the project does, only how it is spelled.
 */
export function lowerToV1(project: Project): Obj {
  const { name: _name, ...rest } = project as unknown as Obj;
  void _name; // 1.29 has no top-level `name`; the caller passes `-p` instead
  const out: Obj = { ...rest };
  if (isObj(out.services)) {
    const services: Obj = {};
    for (const [k, svc] of Object.entries(out.services)) {
      services[k] = isObj(svc) ? lowerService(svc) : svc;
    }
    out.services = services;
  }
  return out;
}

function lowerService(svc: Obj): Obj {
  const s: Obj = { ...svc };
  // `null` (reset by a merge) means "the image's default", as does leaving the key out.
  for (const k of ['command', 'entrypoint']) if (s[k] === null) delete s[k];
  if (Array.isArray(s.ports)) s.ports = s.ports.map(lowerPort);
  if (Array.isArray(s.volumes)) s.volumes = s.volumes.map(lowerVolume);
  if (Array.isArray(s.devices)) s.devices = s.devices.map(lowerDevice);
  if (Array.isArray(s.env_file)) s.env_file = s.env_file.map(lowerEnvFile);
  if (isObj(s.depends_on)) {
    const deps: Obj = {};
    for (const [k, d] of Object.entries(s.depends_on)) deps[k] = isObj(d) ? lowerDependsOn(d) : d;
    s.depends_on = deps;
  }
  if (isObj(s.extra_hosts)) s.extra_hosts = lowerExtraHosts(s.extra_hosts);
  if (isObj(s.build) && isObj(s.build.extra_hosts)) {
    s.build = { ...s.build, extra_hosts: lowerExtraHosts(s.build.extra_hosts) };
  }
  return s;
}

/**
 * The model's `host → [addresses]` (a spec map whose values may be lists) as 1.29's list of
 * `host:address`, one entry per address: 1.29 takes only one string per host in the map form.
 */
function lowerExtraHosts(hosts: Obj): string[] {
  return Object.entries(hosts).flatMap(([host, addrs]) =>
    (Array.isArray(addrs) ? addrs : [addrs]).map((a) => `${host}:${String(a)}`),
  );
}

/**
 * 1.29's long port syntax has no `host_ip` and takes only one published port, but its short
 * syntax has both (it prints `::1:7000:70/tcp` itself), so such ports are written short.
 */
function lowerPort(p: unknown): unknown {
  if (!isObj(p)) return p;
  const published = p.published === undefined ? undefined : String(p.published);
  const extra = Object.keys(p).filter(
    (k) => !['host_ip', 'published', 'target', 'protocol', 'mode'].includes(k),
  );
  const isRange = published?.includes('-') ?? false;
  const needsShort = (p.host_ip !== undefined || isRange) && extra.length === 0;
  if (needsShort && (p.mode === undefined || p.mode === 'ingress')) {
    const ip = p.host_ip === undefined ? undefined : String(p.host_ip);
    const host = ip === undefined ? '' : ip.includes(':') ? `[${ip}]:` : `${ip}:`;
    const pub = published !== undefined ? `${published}:` : host ? ':' : '';
    return `${host}${pub}${String(p.target)}/${String(p.protocol ?? 'tcp')}`;
  }
  if (published !== undefined && /^\d+$/.test(published)) return { ...p, published: +published };
  return p;
}

/** 1.29 reads only path strings: a required file with no `format` is exactly that. */
function lowerEnvFile(e: unknown): unknown {
  if (isObj(e) && e.required !== false && e.format === undefined && typeof e.path === 'string') {
    return e.path;
  }
  return e;
}

/**
 * `required: true` and `restart: false` are the spec's defaults and 1.29 has neither key. A
 * `restart` nestc derived (not written: the entry is implied by `links` or `network_mode:
 * service:`, which stay in the output) goes too: 1.29 derives its own behaviour from those keys.
 */
function lowerDependsOn(d: Obj): Obj {
  const out: Obj = { ...d };
  if (out.required === true) delete out.required;
  if (out.restart === false || (out.restart !== undefined && !isWritten(d, 'restart'))) {
    delete out.restart;
  }
  return out;
}
