import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import { getLoc, getSelfLoc, type PathSegment } from '../model/locations.js';
import { displayPath } from '../schema/instance-path.js';

/**
 * Type casting after interpolation, as compose-go does it: `read_only: "${RO}"` is a string once
 * interpolated, yet Compose accepts it as a boolean because a few paths are cast. The same paths
 * are cast here, from a table keyed by path pattern, for every string at them (interpolated or
 * not: Compose also accepts `read_only: "true"`). A string that does not parse is an error, as
 * in compose-go ("failed to cast to expected type"); nothing later would catch it, because the
 * schema accepts any string at these paths (a file may hold `${VAR}` there).
 *
 * The table is compose-go's (loader/interpolate.go), including `enable_ipv4` and
 * `depends_on.*.required|restart` (compose-go#832). `ports.*.published` is not cast: the spec
 * makes it a string (it may be a range). nestc adds one thing: every `services.*.x-nest` block
 * is a project of its own, so the same table applies inside it, at any depth.
 */

export type CastKind = 'int' | 'float' | 'bool';

/** A node of the pattern trie; the walker holds one beside each container it visits. */
export interface CastNode {
  readonly keys: Map<string, CastNode>;
  /** `*`: any mapping key or list index. */
  any?: CastNode;
  /** `[]`: any list index. */
  list?: CastNode;
  cast?: CastKind;
}

/** Paths below `services.<name>`. `*` is any key or index, `[]` any list index. */
const SERVICE_CASTS: readonly (readonly [string, CastKind])[] = [
  ['configs.[].mode', 'int'],
  ['cpu_count', 'int'],
  ['cpu_percent', 'float'],
  ['cpu_period', 'int'],
  ['cpu_quota', 'int'],
  ['cpu_rt_period', 'int'],
  ['cpu_rt_runtime', 'int'],
  ['cpus', 'float'],
  ['cpu_shares', 'int'],
  ['init', 'bool'],
  ['depends_on.*.required', 'bool'],
  ['depends_on.*.restart', 'bool'],
  ['deploy.replicas', 'int'],
  ['deploy.update_config.parallelism', 'int'],
  ['deploy.update_config.max_failure_ratio', 'float'],
  ['deploy.rollback_config.parallelism', 'int'],
  ['deploy.rollback_config.max_failure_ratio', 'float'],
  ['deploy.restart_policy.max_attempts', 'int'],
  ['deploy.placement.max_replicas_per_node', 'int'],
  ['healthcheck.retries', 'int'],
  ['healthcheck.disable', 'bool'],
  ['oom_kill_disable', 'bool'],
  ['oom_score_adj', 'int'],
  ['pids_limit', 'int'],
  ['ports.[].target', 'int'],
  ['privileged', 'bool'],
  ['read_only', 'bool'],
  ['scale', 'int'],
  ['secrets.[].mode', 'int'],
  ['stdin_open', 'bool'],
  ['tty', 'bool'],
  ['ulimits.*', 'int'],
  ['ulimits.*.hard', 'int'],
  ['ulimits.*.soft', 'int'],
  ['volumes.[].read_only', 'bool'],
  ['volumes.[].volume.nocopy', 'bool'],
];

/** Paths from the top of a project (the file, or an `x-nest` block). */
const PROJECT_CASTS: readonly (readonly [string, CastKind])[] = [
  ['networks.*.external', 'bool'],
  ['networks.*.internal', 'bool'],
  ['networks.*.attachable', 'bool'],
  ['networks.*.enable_ipv4', 'bool'],
  ['networks.*.enable_ipv6', 'bool'],
  ['volumes.*.external', 'bool'],
  ['secrets.*.external', 'bool'],
  ['configs.*.external', 'bool'],
  ...SERVICE_CASTS.map(([p, k]) => [`services.*.${p}`, k] as const),
];

function node(): CastNode {
  return { keys: new Map() };
}

function step(n: CastNode, seg: string): CastNode {
  if (seg === '*') return (n.any ??= node());
  if (seg === '[]') return (n.list ??= node());
  let c = n.keys.get(seg);
  if (!c) {
    c = node();
    n.keys.set(seg, c);
  }
  return c;
}

function buildTrie(): CastNode {
  const root = node();
  for (const [pattern, kind] of PROJECT_CASTS) {
    let n = root;
    for (const seg of pattern.split('.')) n = step(n, seg);
    n.cast = kind;
  }
  // An x-nest block is a project: the trie loops back to its root, which covers any depth.
  step(step(root, 'services'), '*').keys.set('x-nest', root);
  return root;
}

/** The trie for the top of a Compose file. */
export const CAST_ROOT: CastNode = buildTrie();

/** The node for `key` below `n`; an exact key wins over `*`. */
export function castChild(n: CastNode, key: string | number): CastNode | undefined {
  if (typeof key === 'number') return n.list ?? n.any;
  return n.keys.get(key) ?? n.any;
}

/** Result of a cast: the new value, and whether it used a YAML 1.1 spelling of a boolean. */
export interface Casted {
  value: number | boolean;
  legacy?: boolean;
}

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT64_MAX = 9223372036854775807n;

/**
 * `s` as `kind`, with Go's parsing rules (strconv.Atoi / ParseFloat, compose-go's boolean list),
 * or undefined when it does not parse. Go's ParseFloat also reads `inf`, `nan` and hex floats;
 * here they do not parse: they are never meaningful in these fields and JSON cannot hold the
 * first two. A float too large for 64 bits fails in both.
 */
export function castValue(kind: CastKind, s: string): Casted | undefined {
  switch (kind) {
    case 'int': {
      if (!INT.test(s)) return undefined;
      if (s.length > 18) {
        const big = BigInt(s);
        if (big > INT64_MAX || big < -INT64_MAX - 1n) return undefined;
      }
      return { value: Number(s) };
    }
    case 'float': {
      const f = FLOAT.test(s) ? Number(s) : NaN;
      return Number.isFinite(f) ? { value: f } : undefined;
    }
    case 'bool':
      return castBool(s);
  }
}

function castBool(s: string): Casted | undefined {
  switch (s.toLowerCase()) {
    case 'true':
      return { value: true };
    case 'false':
      return { value: false };
    case 'y':
    case 'yes':
    case 'on':
      return { value: true, legacy: true };
    case 'n':
    case 'no':
    case 'off':
      return { value: false, legacy: true };
    default:
      return undefined;
  }
}

/** Where a string to cast was found. */
export interface CastSite {
  /** The document, searched for the path of `holder` only when a message needs it. */
  root: object;
  holder: object;
  key: string | number;
}

/** What a cast path holds, in a message, and how to write one. */
const EXPECTED: Record<CastKind, { words: string; hint: string }> = {
  int: { words: 'an integer', hint: 'write a whole number such as `2` (digits only)' },
  float: { words: 'a number', hint: 'write a number such as `1.5`' },
  bool: { words: 'a boolean', hint: 'write `true` or `false`' },
};

/**
 * The value to keep for string `s` at a path Compose casts to `kind`. A YAML 1.1 boolean is cast
 * with a warning (compose-go logs one); a string that does not cast is reported and kept as is,
 * since the document already has an error and goes no further than this stage.
 */
export function castAt(
  kind: CastKind,
  s: string,
  site: CastSite,
  diags: Diagnostics,
): string | number | boolean {
  const r = castValue(kind, s);
  if (!r) {
    const { words, hint } = EXPECTED[kind];
    const summary = `${displayPath(pathTo(site))}: expected ${words}, got ${JSON.stringify(s)}`;
    diags.error('interpolate-cast', summary, siteLoc(site), { hint });
    return s;
  }
  if (r.legacy) {
    diags.warn(
      'interpolate-legacy-boolean',
      `"${s}" is read as ${String(r.value)}, but YAML 1.2 has no such boolean`,
      siteLoc(site),
      { hint: `write ${String(r.value)}` },
    );
  }
  return r.value;
}

function siteLoc({ holder, key }: CastSite): SourceLoc | undefined {
  return getLoc(holder, key) ?? getSelfLoc(holder);
}

/**
 * The path of the site, found by searching the document: the walker does not track paths, and a
 * failed cast is rare. The document is a tree (readYaml expands aliases), so `holder` is
 * reachable one way only.
 */
function pathTo({ root, holder, key }: CastSite): PathSegment[] {
  const path: PathSegment[] = [];
  return find(root, holder, path) ? [...path, key] : [key];
}

function find(c: object, target: object, path: PathSegment[]): boolean {
  if (c === target) return true;
  const entries: [PathSegment, unknown][] = Array.isArray(c)
    ? c.map((v, i) => [i, v])
    : Object.entries(c);
  for (const [k, v] of entries) {
    if (v === null || typeof v !== 'object') continue;
    path.push(k);
    if (find(v, target, path)) return true;
    path.pop();
  }
  return false;
}
