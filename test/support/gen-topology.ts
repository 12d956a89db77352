import fc from 'fast-check';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Random nested topologies for the compile property tests (test/compile-properties.test.ts).
 *
 * A *blueprint* is what fast-check generates and shrinks: plain data with no paths in it, only
 * choices (which parent mount, which sub-directory, which pool port). `buildTopology` turns it
 * into a nestfile that is valid by construction (every child source lies under a mount of its
 * parent, nothing asks for write access under a read-only mount, `depends_on` only names
 * earlier siblings, published ranges match their target ranges) and into the facts the
 * properties check the output against (where each mount must end up read-only, how many
 * networks each child declared). So a compile error or a broken property is a nestc bug, not a
 * bad input.
 */

/** Service names, shared by every scope so one inner name appears in several scopes (and as
 * the name of a parent). No `-`, so two nest paths never give the same flat name. */
export const NAMES = ['db', 'web', 'app', 'cache', 'worker'] as const;
/** Mount targets; `/data` and `/data/sub` overlap, so the longest match matters. */
export const TARGETS = ['/data', '/data/sub', '/cache', '/work', '/srv/x'] as const;
/** Directories of the project that root services bind (relative to the project directory). */
export const HOST_DIRS = ['src', 'cache', 'cfg'] as const;
/** Named volumes a scope may declare. */
export const VOLUMES = ['vola', 'volb'] as const;
/** Path below a mount: empty means the mount's root (for a named volume: the whole volume). */
export const SUBS = ['', 'a', 'a/b', 'sub'] as const;
/** Host ports: few, so claims collide; 20000 is also the start of the allocation range.
 * `null`: the entry publishes nothing (a container port only, no claim). */
export const PUBLISHED = [8080, 8081, 9000, 20000, null] as const;
export const HOST_IPS = ['', '127.0.0.1', '::1', '0.0.0.0'] as const;
export const PROTOCOLS = ['', 'tcp', 'udp'] as const;
export const WAITS = [undefined, 'started', 'healthy', 'none'] as const;

/** One mount of a service, as choices. */
export interface MountBp {
  target: (typeof TARGETS)[number];
  /** `up`: a path of the parent (at the root: a project directory); `volume`: a named volume
   * of the service's own scope. */
  from: 'up' | 'volume';
  /** Which parent mount / host directory / volume (taken modulo the choices there are). */
  pick: number;
  sub: (typeof SUBS)[number];
  /** Mode as written; `rw` under a read-only parent mount is written as nothing instead. */
  mode: '' | 'ro' | 'rw';
  /** Long syntax instead of `source:target[:mode]`. */
  long: boolean;
  /** Written relative to the scope's working directory, when it has one. */
  rel: boolean;
}

/** One `ports` entry, as choices. */
export interface PortBp {
  published: (typeof PUBLISHED)[number];
  /** Extra ports of a range (0: one port). */
  span: number;
  target: number;
  hostIp: (typeof HOST_IPS)[number];
  protocol: (typeof PROTOCOLS)[number];
  /** Long syntax (only for single ports). */
  long: boolean;
}

/** The inner project of a service. */
export interface NestBp {
  wait: (typeof WAITS)[number];
  /** Scope working directory: declared in `x-nest` or as the parent's `working_dir`, at one of
   * the parent's mount targets (`base` modulo their count) or, `base` = -1, outside them. */
  wd: { how: 'nest' | 'service'; base: number; sub: (typeof SUBS)[number] } | null;
  /** The scope declares a second network, `back`. */
  back: boolean;
  services: ServiceBp[];
}

export interface ServiceBp {
  name: (typeof NAMES)[number];
  mounts: MountBp[];
  ports: PortBp[];
  /** Bit i set: depends on the i-th earlier sibling (the array order is the random order). */
  depMask: number;
  depLong: boolean;
  health: boolean;
  /** Networks of a child when its scope declares `back`. */
  nets: 'default' | 'back' | 'both';
  nest: NestBp | null;
}

export interface TopologyBp {
  services: ServiceBp[];
}

const mountArb: fc.Arbitrary<MountBp> = fc.record({
  target: fc.constantFrom(...TARGETS),
  from: fc.constantFrom('up' as const, 'up' as const, 'volume' as const),
  pick: fc.nat({ max: 5 }),
  sub: fc.constantFrom(...SUBS),
  mode: fc.constantFrom('' as const, 'ro' as const, 'rw' as const),
  long: fc.boolean(),
  rel: fc.boolean(),
});

const portArb: fc.Arbitrary<PortBp> = fc.record({
  published: fc.constantFrom(...PUBLISHED),
  span: fc.constantFrom(0, 0, 0, 1, 2),
  target: fc.constantFrom(80, 5432, 9000),
  hostIp: fc.constantFrom(...HOST_IPS),
  protocol: fc.constantFrom(...PROTOCOLS),
  long: fc.boolean(),
});

/** Services of one scope at `level` (0: root); below `maxLevel` a service may start others. */
function scopeArb(level: number, maxLevel: number): fc.Arbitrary<ServiceBp[]> {
  const nest: fc.Arbitrary<NestBp | null> =
    level + 1 >= maxLevel
      ? fc.constant(null)
      : fc.option(
          fc.record({
            wait: fc.constantFrom(...WAITS),
            wd: fc.option(
              fc.record({
                how: fc.constantFrom('nest' as const, 'service' as const),
                base: fc.integer({ min: -1, max: 4 }),
                sub: fc.constantFrom(...SUBS),
              }),
              { nil: null },
            ),
            back: fc.boolean(),
            services: scopeArb(level + 1, maxLevel),
          }),
          { nil: null, freq: 2 },
        );
  const service: fc.Arbitrary<ServiceBp> = fc.record({
    name: fc.constantFrom(...NAMES),
    mounts: fc.uniqueArray(mountArb, { minLength: 1, maxLength: 3, selector: (m) => m.target }),
    // Compose's schema wants a service's `ports` entries unique as written.
    ports: fc.uniqueArray(portArb, {
      maxLength: 2,
      selector: (p) => JSON.stringify(writePort(p)),
    }),
    depMask: fc.nat({ max: 7 }),
    depLong: fc.boolean(),
    health: fc.boolean(),
    nets: fc.constantFrom('default' as const, 'back' as const, 'both' as const),
    nest,
  });
  return fc.uniqueArray(service, { minLength: 1, maxLength: 3, selector: (s) => s.name });
}

/** A topology of 1–4 levels. */
export const topologyArb: fc.Arbitrary<TopologyBp> = fc
  .integer({ min: 1, max: 4 })
  .chain((levels) => scopeArb(0, levels))
  .map((services) => ({ services }));

/**
 * Where a mount comes from on the host, followed up the chain of parent mounts: a path of the
 * project directory, or a named volume (`volume`: the nest path of the scope that declares it,
 * `|`, its name there) at `sub` ('' for its root), mounted by the service that declares it
 * (`own`) or through a parent.
 */
export type HostRef =
  { kind: 'bind'; rel: string } | { kind: 'volume'; volume: string; sub: string; own: boolean };

/** What a mount of one service must look like in the output. */
export interface ExpectedMount {
  target: string;
  /** Read-only: written so, or under a read-only mount anywhere up the chain. */
  readOnly: boolean;
  host: HostRef;
}

/** Facts about one service of the built topology, keyed by nest path in `Topology.services`. */
export interface ExpectedService {
  nestPath: string;
  mounts: ExpectedMount[];
  /** How many networks the service declared (inner services only; the root: 1). */
  networks: number;
  /** Host ports it publishes, a range counted port by port. */
  hostPorts: number;
}

/** A nestfile built from a blueprint: its YAML (in any key order) and what it must compile to. */
export interface Topology {
  /** The nestfile as a JS document in canonical key order (see `writeNestfile`). */
  doc: Record<string, unknown>;
  services: Map<string, ExpectedService>;
}

/** The project name every generated nestfile declares. */
export const PROJECT = 'prop';

/** Build the nestfile and its expected facts from a blueprint. Pure. */
export function buildTopology(bp: TopologyBp): Topology {
  const services = new Map<string, ExpectedService>();
  const volumes: Record<string, unknown> = {};
  const doc: Record<string, unknown> = {
    name: PROJECT,
    services: buildScope(bp.services, '', null, null, volumes, false, services),
  };
  if (Object.keys(volumes).length > 0) doc.volumes = volumes;
  return { doc, services };
}

/**
 * The `services` map of one scope. `parentMounts` is null at the root (sources are project
 * directories); `wd` is the scope's working directory in the parent's view, if any; `volumes`
 * collects the named volumes the scope's services use (declared by the caller); `back`: the
 * scope declares a network `back` its services may join; `out` collects the expected facts.
 */
function buildScope(
  list: ServiceBp[],
  scopePath: string,
  parentMounts: ExpectedMount[] | null,
  wd: string | null,
  volumes: Record<string, unknown>,
  back: boolean,
  out: Map<string, ExpectedService>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  list.forEach((s, index) => {
    const nestPath = scopePath === '' ? s.name : `${scopePath}/${s.name}`;
    const svc: Record<string, unknown> = { image: 'busybox' };
    const own: ExpectedMount[] = [];
    const written: unknown[] = [];
    for (const m of s.mounts) {
      const built = buildMount(m, scopePath, parentMounts, wd, volumes);
      own.push({ target: m.target, readOnly: built.readOnly, host: built.host });
      written.push(built.entry);
    }
    svc.volumes = written;
    if (s.ports.length > 0) svc.ports = s.ports.map(writePort);
    const deps = list.slice(0, index).filter((_, i) => (s.depMask >> i) & 1);
    if (deps.length > 0) {
      svc.depends_on = s.depLong
        ? Object.fromEntries(deps.map((d) => [d.name, { condition: 'service_started' }]))
        : deps.map((d) => d.name);
    }
    if (s.health) svc.healthcheck = { test: ['CMD', 'true'], interval: '5s' };
    let networks = 1;
    if (parentMounts !== null && back && s.nets !== 'default') {
      svc.networks = s.nets === 'back' ? ['back'] : ['default', 'back'];
      networks = s.nets === 'back' ? 1 : 2;
    }
    if (s.nest) {
      const block: Record<string, unknown> = {};
      if (s.nest.wait !== undefined) block.wait = s.nest.wait;
      let innerWd: string | null = null;
      if (s.nest.wd) {
        const base = s.nest.wd.base < 0 ? '/opt/ws' : own[s.nest.wd.base % own.length]!.target;
        innerWd = path.posix.join(base, s.nest.wd.sub);
        if (s.nest.wd.how === 'nest') block.working_dir = innerWd;
        else svc.working_dir = innerWd;
      }
      const innerVolumes: Record<string, unknown> = {};
      block.services = buildScope(
        s.nest.services,
        nestPath,
        own,
        innerWd,
        innerVolumes,
        s.nest.back,
        out,
      );
      if (Object.keys(innerVolumes).length > 0) block.volumes = innerVolumes;
      if (s.nest.back) block.networks = { back: {} };
      svc['x-nest'] = block;
    }
    const hostPorts = s.ports.reduce((n, p) => n + (p.published === null ? 0 : p.span + 1), 0);
    out.set(nestPath, { nestPath, mounts: own, networks, hostPorts });
    result[s.name] = svc;
  });
  return result;
}

/** One `volumes` entry of a service, valid in its scope, and whether it ends up read-only. */
function buildMount(
  m: MountBp,
  scopePath: string,
  parentMounts: ExpectedMount[] | null,
  wd: string | null,
  volumes: Record<string, unknown>,
): { entry: unknown; readOnly: boolean; host: HostRef } {
  let source: string;
  let type: 'bind' | 'volume';
  let inheritedRo = false;
  let host: HostRef;
  if (m.from === 'volume') {
    source = VOLUMES[m.pick % VOLUMES.length]!;
    volumes[source] = {};
    type = 'volume';
    host = { kind: 'volume', volume: `${scopePath}|${source}`, sub: '', own: true };
  } else if (parentMounts === null) {
    const rel = path.posix.join(HOST_DIRS[m.pick % HOST_DIRS.length]!, m.sub);
    source = `./${rel}`;
    type = 'bind';
    host = { kind: 'bind', rel };
  } else {
    const base = parentMounts[m.pick % parentMounts.length]!;
    const abs = path.posix.join(base.target, m.sub);
    // The parent mount that wins is the longest target containing the path, not always `base`.
    const via = longestMatch(parentMounts, abs)!;
    const rest = path.posix.relative(via.target, abs);
    inheritedRo = via.readOnly;
    host =
      via.host.kind === 'bind'
        ? { kind: 'bind', rel: path.posix.join(via.host.rel, rest) }
        : { ...via.host, sub: path.posix.join(via.host.sub, rest).replace(/^\.$/, ''), own: false };
    source = abs;
    if (m.rel && wd !== null) {
      const rel = path.posix.relative(wd, abs);
      source = rel === '' ? '.' : rel.startsWith('..') ? rel : `./${rel}`;
    }
    type = 'bind';
  }
  // Asking for write access under a read-only parent mount is an error; write nothing instead.
  const mode = inheritedRo && m.mode === 'rw' ? '' : m.mode;
  const readOnly = inheritedRo || mode === 'ro';
  if (!m.long) return { entry: `${source}:${m.target}${mode ? `:${mode}` : ''}`, readOnly, host };
  const entry: Record<string, unknown> = { type, source, target: m.target };
  if (mode !== '') entry.read_only = mode === 'ro';
  return { entry, readOnly, host };
}

/** The mount whose target is the longest path prefix (by components) of `p`. */
export function longestMatch<T extends { target: string }>(mounts: T[], p: string): T | undefined {
  let best: T | undefined;
  for (const m of mounts) {
    if (!isUnder(p, m.target)) continue;
    if (!best || m.target.length > best.target.length) best = m;
  }
  return best;
}

/** Whether `p` is `dir` or inside it (POSIX, by components). */
export function isUnder(p: string, dir: string): boolean {
  return p === dir || dir === '/' || p.startsWith(`${dir}/`);
}

function writePort(p: PortBp): unknown {
  if (p.published === null) return p.long ? { target: p.target } : `${p.target}`;
  if (p.long && p.span === 0) {
    const entry: Record<string, unknown> = { target: p.target, published: String(p.published) };
    if (p.hostIp) entry.host_ip = p.hostIp;
    if (p.protocol) entry.protocol = p.protocol;
    return entry;
  }
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  const range = (n: number): string => (p.span > 0 ? `${n}-${n + p.span}` : `${n}`);
  return `${ip}${range(p.published)}:${range(p.target)}${p.protocol ? `/${p.protocol}` : ''}`;
}

/** A small seeded generator (mulberry32), so a shuffle is part of the reproducible case. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The document with every map's keys in random order (and each `depends_on` list, a set),
 * leaving other lists alone: their order means something (a port entry's index orders claims).
 */
export function shuffleKeys(value: unknown, random: () => number, parentKey = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => shuffleKeys(v, random));
    return parentKey === 'depends_on' ? shuffle(items, random) : items;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = shuffle(Object.entries(value as Record<string, unknown>), random);
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, random, k)]));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The document as nestfile text. Strings are quoted so `8080:80` never reads as a number. */
export function writeNestfile(doc: unknown): string {
  return stringify(doc, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
}
