import path from 'node:path';
import { parse } from 'yaml';
import { seconds } from './duration-seconds.js';
import { words } from './shell-words.js';

/**
 * What a printed Compose file MEANS, in one comparable form, so that the output of
 * docker-compose 1.29 and of nestc can be compared although they print differently (1.29 keeps
 * command strings, short port and volume strings, `version:`, and never adds a default network).
 * Only what the differential test promises is kept: per service image, command, entrypoint,
 * environment, ports, volumes, networks, depends_on, healthcheck; top-level network and volume
 * engine names.
 */
export interface Meaning {
  services: Record<string, ServiceMeaning>;
  /** Key → engine name, `default` left out (1.29 never prints the implicit one). */
  networks: Record<string, string>;
  volumes: Record<string, string>;
}

export interface ServiceMeaning {
  image?: string;
  command?: string[];
  entrypoint?: string[];
  environment: Record<string, string | null>;
  /** `host_ip|published|target|protocol`, sorted. */
  ports: string[];
  /** `type|source|target|ro` or `rw`, sorted. */
  volumes: string[];
  /** Network key → sorted aliases. */
  networks: Record<string, string[]>;
  /** Service → condition. */
  depends_on: Record<string, string>;
  healthcheck?: HealthMeaning;
}

export interface HealthMeaning {
  disable?: true;
  test?: string[];
  /** Durations in seconds. */
  interval?: number;
  timeout?: number;
  start_period?: number;
  retries?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Parse a printed Compose file. `yaml-1.1` is what PyYAML (1.29) reads and writes: `1e3`
 * unquoted is a string there, `yes` a boolean.
 */
export function parseCompose(text: string, schema: 'core' | 'yaml-1.1'): Obj {
  const v: unknown = parse(text, { schema, merge: true });
  if (!isObj(v)) throw new Error('not a Compose mapping');
  return v;
}

export interface MeaningOptions {
  /**
   * Keep only services enabled by these profiles (the spec's rule: no `profiles`, or one of
   * them active). For 1.29's output only: its `config` prints every service, whatever the
   * active profiles (measured; docs/compatibility.md).
   */
  activeProfiles?: string[];
}

/** The meaning of one parsed Compose file of project `project`. */
export function meaningOf(printed: Obj, project: string, opts: MeaningOptions = {}): Meaning {
  const compose = unescapeValues(printed) as Obj;
  const services: Record<string, ServiceMeaning> = {};
  for (const [name, svc] of Object.entries(asObj(compose.services))) {
    if (opts.activeProfiles && !enabled(asObj(svc), opts.activeProfiles)) continue;
    services[name] = serviceMeaning(asObj(svc));
  }
  return {
    services,
    networks: engineNames(asObj(compose.networks), project, true),
    volumes: engineNames(asObj(compose.volumes), project, false),
  };
}

function enabled(s: Obj, active: string[]): boolean {
  const profiles = asArray(s.profiles).map(String);
  return profiles.length === 0 || profiles.some((p) => active.includes(p));
}

function serviceMeaning(s: Obj): ServiceMeaning {
  const m: ServiceMeaning = {
    environment: environment(s.environment),
    ports: sortedUnique(asArray(s.ports).flatMap(port)),
    volumes: sortedUnique(asArray(s.volumes).map(volume)),
    networks: networks(s),
    depends_on: { ...impliedDependencies(s), ...dependsOn(s.depends_on) },
  };
  if (s.image !== undefined) m.image = String(s.image);
  const command = words(s.command);
  if (command) m.command = command;
  const entrypoint = words(s.entrypoint);
  if (entrypoint) m.entrypoint = entrypoint;
  if (isObj(s.healthcheck)) m.healthcheck = health(s.healthcheck);
  return m;
}

function asObj(v: unknown): Obj {
  return isObj(v) ? v : {};
}
function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function sortedUnique(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}
function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function environment(v: unknown): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (Array.isArray(v)) {
    for (const e of v.map(String)) {
      const i = e.indexOf('=');
      if (i < 0) out[e] = null;
      else out[e.slice(0, i)] = e.slice(i + 1);
    }
  } else if (isObj(v)) {
    for (const [k, val] of Object.entries(v)) out[k] = val === null ? null : scalar(val);
  }
  return out;
}

/** One entry per host/target port pair, ranges expanded, protocol defaulted to tcp. */
export function port(p: unknown): string[] {
  if (isObj(p)) {
    return expand(
      p.host_ip === undefined ? '' : String(p.host_ip),
      p.published === undefined || p.published === null ? '' : String(p.published),
      String(p.target),
      p.protocol === undefined ? 'tcp' : String(p.protocol),
    );
  }
  let s = String(p);
  let protocol = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    protocol = s.slice(slash + 1);
    s = s.slice(0, slash);
  }
  // From the right: target, then published, then whatever is left is the host IP (1.29 prints
  // IPv6 addresses bare, `::1:8083:83`; the spec writes them in brackets).
  const parts = s.split(':');
  const target = parts.pop() ?? '';
  const published = parts.length ? (parts.pop() ?? '') : '';
  const ip = parts.join(':').replace(/^\[(.*)\]$/, '$1');
  return expand(ip, published, target, protocol);
}

function expand(ip: string, published: string, target: string, protocol: string): string[] {
  const range = (r: string): number[] | undefined => {
    const m = /^(\d+)-(\d+)$/.exec(r);
    if (!m) return undefined;
    const out: number[] = [];
    for (let i = Number(m[1]); i <= Number(m[2]); i++) out.push(i);
    return out;
  };
  const targets = range(target);
  const pubs = range(published);
  if (!targets) return [`${ip}|${published}|${target}|${protocol}`];
  return targets.map((t, i) => {
    const pub = pubs ? String(pubs[i] ?? published) : published;
    return `${ip}|${pub}|${t}|${protocol}`;
  });
}

/**
 * `type|source|target|ro`; short strings are classified as compose does (path → bind). A bind
 * source is compared path-cleaned: 1.29 cleans host paths (`os.path.normpath`, so
 * `/var/lib/docker/` prints as `/var/lib/docker`) and compose-go keeps them as written, and both
 * name the same directory for Docker. Cleaned on both sides, so the comparison stays symmetric.
 */
export function volume(v: unknown): string {
  if (isObj(v)) {
    const ro = v.read_only === true ? 'ro' : 'rw';
    const type = String(v.type);
    const source = v.source === undefined ? '' : String(v.source);
    return `${type}|${type === 'bind' ? cleanPath(source) : source}|${String(v.target)}|${ro}`;
  }
  const parts = String(v).split(':');
  if (parts.length === 1) return `volume||${parts[0]}|rw`;
  const [source = '', target = '', mode = ''] = parts;
  const bind = /^[./~]/.test(source);
  const ro = mode.split(',').includes('ro') ? 'ro' : 'rw';
  return `${bind ? 'bind' : 'volume'}|${bind ? cleanPath(source) : source}|${target}|${ro}`;
}

/** `path.posix.normalize` without the trailing `/` it keeps (`/` itself stays). */
function cleanPath(p: string): string {
  if (p === '') return p;
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

function networks(s: Obj): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (Array.isArray(s.networks)) for (const n of s.networks) out[String(n)] = [];
  else if (isObj(s.networks)) {
    for (const [k, n] of Object.entries(s.networks)) {
      out[k] = isObj(n) ? asArray(n.aliases).map(String).sort() : [];
    }
  } else if (s.network_mode === undefined) out.default = [];
  return out;
}

/**
 * Services a service starts after without naming them in `depends_on`: `links`,
 * `volumes_from`, and `service:NAME` in a namespace key (`network_mode`, `ipc`, `pid`, `uts`,
 * `cgroup`). v2 (and nestc) print them
 * as `depends_on` entries; 1.29 keeps them implicit. Both start in the same order.
 */
function impliedDependencies(s: Obj): Record<string, string> {
  const names: string[] = [];
  for (const k of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']) {
    const m = typeof s[k] === 'string' ? /^service:(.+)$/.exec(s[k]) : null;
    if (m) names.push(m[1]!);
  }
  for (const l of asArray(s.links)) names.push(String(l).split(':')[0]!);
  for (const v of asArray(s.volumes_from)) {
    const service = volumesFromService(String(v));
    if (service !== undefined) names.push(service);
  }
  return Object.fromEntries(names.map((n) => [n, 'service_started']));
}

/**
 * The service a `volumes_from` entry names, or undefined for a container. Read as 1.29 reads it
 * (`VolumeFromSpec.parse_v2`): `NAME`, `NAME:MODE`, `container:NAME`, and the three-part
 * `TYPE:NAME:MODE` that 1.29 prints (`service:app:rw`).
 */
export function volumesFromService(ref: string): string | undefined {
  const parts = ref.split(':');
  if (parts.length >= 3) return parts[0] === 'service' ? parts[1] : undefined;
  return parts[0] === 'container' && parts.length === 2 ? undefined : parts[0];
}

function dependsOn(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(v)) for (const d of v) out[String(d)] = 'service_started';
  else if (isObj(v)) {
    for (const [k, d] of Object.entries(v)) {
      out[k] = isObj(d) && d.condition !== undefined ? String(d.condition) : 'service_started';
    }
  }
  return out;
}

function health(h: Obj): HealthMeaning {
  const test = typeof h.test === 'string' ? ['CMD-SHELL', h.test] : asArray(h.test).map(String);
  if (h.disable === true || test[0] === 'NONE') return { disable: true };
  const m: HealthMeaning = {};
  if (test.length) m.test = test;
  for (const k of ['interval', 'timeout', 'start_period'] as const) {
    if (h[k] !== undefined) m[k] = seconds(h[k]);
  }
  if (h.retries !== undefined) m.retries = Number(h.retries);
  return m;
}

function engineNames(defs: Obj, project: string, isNetwork: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, d] of Object.entries(defs)) {
    if (isNetwork && k === 'default') continue;
    const def = asObj(d);
    const external = def.external === true || isObj(def.external);
    out[k] = typeof def.name === 'string' ? def.name : external ? k : `${project}_${k}`;
  }
  return out;
}

/**
 * A printed Compose file's values as Compose reads them: `$$` is one `$`. Both tools print
 * interpolated values escaped; a bare `$VAR` left in a printed file would be read again, which
 * is a bug of the printer, so it throws.
 */
export function unescapeValues(v: unknown): unknown {
  if (typeof v === 'string') return unescapeDollars(v);
  if (Array.isArray(v)) return v.map(unescapeValues);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = unescapeValues(x);
    return out;
  }
  return v;
}

function unescapeDollars(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$') out += s[i];
    else if (s[i + 1] === '$') out += s[++i];
    else if (/[A-Za-z_{]/.test(s[i + 1] ?? '')) throw new Error(`uninterpolated $ in ${s}`);
    else out += '$';
  }
  return out;
}
