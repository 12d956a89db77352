import { Diagnostics, type Diagnostic, type SourceLoc } from '../diag/diagnostic.js';
import type { Project } from '../model/compose.js';
import { getKeyLoc, getLoc, getSelfLoc } from '../model/locations.js';
import type { FlatServiceInfo } from '../resolve/types.js';
import { lowerToV1 } from './compose-v1.js';
import { V1_KEYS, V1_PATTERN_PREFIXES } from './compile-v1-keys.js';

type Obj = Record<string, unknown>;
type Segment = string | number;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Values 1.29 rejects under a key it does know, by pattern of the containing object. */
const V1_VALUES: readonly { pattern: string; key: string; ok: (v: unknown) => boolean }[] = [
  {
    pattern: 'services.*',
    key: 'pull_policy',
    ok: (v) => ['always', 'never', 'if_not_present', 'build'].includes(String(v)),
  },
  {
    pattern: 'services.*.volumes[]',
    key: 'type',
    ok: (v) => ['bind', 'volume', 'tmpfs', 'npipe'].includes(String(v)),
  },
  // 1.29's long port syntax takes one integer; the lowering writes ranges short when it can.
  { pattern: 'services.*.ports[]', key: 'published', ok: (v) => Number.isInteger(v) },
  { pattern: 'services.*.volumes[].tmpfs', key: 'size', ok: (v) => Number.isInteger(v) },
];

/** Lists whose items 1.29 reads only as strings (the lowering writes them so when it can). */
const V1_STRING_ITEMS: ReadonlySet<string> = new Set(['services.*.env_file', 'services.*.devices']);

/** Plain words for the features users meet most, by the pattern of the offending key. */
const FEATURES: Readonly<Record<string, { what: string; hint?: string }>> = {
  'services.*.volumes[].volume.subpath': {
    what: 'a volume subpath (a mount of a directory below the root of a named volume)',
    hint: "use docker compose (v2), which has it: compile without --compat v1; or, where a child mounts a directory of its parent's named volume, mount that directory into the parent as a bind mount instead",
  },
  'services.*.volumes[].type': { what: 'this mount type' },
  'services.*.ports[].published': {
    what: 'a published port range together with other port options in one entry',
  },
};

const DEFAULT_HINT =
  'compile without --compat v1 and use docker compose (v2), or remove it from the nestfile';

/**
 * What `--compat v1` cannot write (NESTFILE.md, "What nestc emits"): the project after the
 * `compose-v1` lowering (so what the lowering rewrites is fine) checked against docker-compose
 * 1.29's schema, one error per offending value. Each error points at the nestfile entry the
 * value came from: the flat project keeps the positions of the nestfile's values, and a value a
 * stage derived (a `subpath` from a child's bind) is reported at the entry that holds it.
 */
export function checkComposeV1(
  project: Project,
  services: readonly FlatServiceInfo[],
): Diagnostic[] {
  const diags = new Diagnostics();
  const nestPaths = new Map(services.map((s) => [s.flatName, s]));
  const report = (segments: Segment[], pattern: string, value?: unknown): void => {
    const feature = FEATURES[pattern];
    const last = segments[segments.length - 1];
    const what =
      feature?.what ??
      (value === undefined
        ? `\`${String(last)}\`, which its schema does not have`
        : `\`${String(last)}: ${JSON.stringify(value)}\``);
    const svc = segments[0] === 'services' ? nestPaths.get(String(segments[1])) : undefined;
    const nest = svc ? ` (${svc.nestPath})` : '';
    diags.error(
      'nest-compat-v1-unsupported',
      `${pathText(segments)}${nest}: docker-compose 1.29 cannot express ${what}`,
      locate(project, segments) ?? svc?.loc,
      { hint: feature?.hint ?? DEFAULT_HINT },
    );
  };
  walk(lowerToV1(project), '', [], report);
  return diags.items;
}

/** Visit `value` at `pattern`, reporting unknown keys and values 1.29 rejects. */
function walk(
  value: unknown,
  pattern: string,
  segments: Segment[],
  report: (segments: Segment[], pattern: string, value?: unknown) => void,
): void {
  if (Array.isArray(value)) {
    const item = `${pattern}[]`;
    value.forEach((v, i) => {
      if (V1_STRING_ITEMS.has(pattern) && typeof v !== 'string') report([...segments, i], item, v);
      else if (checked(item)) walk(v, item, [...segments, i], report);
    });
    return;
  }
  if (!isObj(value)) return;
  const allowed = V1_KEYS[pattern];
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v === undefined || key.startsWith('x-')) continue;
    const child = join(pattern, key);
    if (allowed && !allowed.includes(key)) {
      report([...segments, key], child);
      continue;
    }
    const rule = V1_VALUES.find((r) => r.pattern === pattern && r.key === key);
    if (rule && !rule.ok(v)) {
      report([...segments, key], child, v);
      continue;
    }
    const next = checked(child) ? child : join(pattern, '*');
    if (checked(next)) walk(v, next, [...segments, key], report);
  }
}

/** Whether anything at or below `pattern` is checked. */
function checked(pattern: string): boolean {
  return V1_PATTERN_PREFIXES.has(pattern) || V1_STRING_ITEMS.has(pattern);
}

function join(pattern: string, key: string): string {
  return pattern === '' ? key : `${pattern}.${key}`;
}

/** `services.web.volumes[1].volume.subpath`. */
function pathText(segments: Segment[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/**
 * The position of the deepest value on `segments` that was written in a file: the offending key
 * itself, else the entry that holds it, and so on up to the service.
 */
function locate(project: Project, segments: Segment[]): SourceLoc | undefined {
  const chain: { container: object; key: Segment }[] = [];
  let cur: unknown = project;
  for (const key of segments) {
    if (cur === null || typeof cur !== 'object') break;
    chain.push({ container: cur, key });
    cur = (cur as Record<Segment, unknown>)[key];
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const { container, key } = chain[i]!;
    const value = (container as Record<Segment, unknown>)[key];
    const loc =
      (i === chain.length - 1 ? getKeyLoc(container, key) : undefined) ??
      getLoc(container, key) ??
      (value !== null && typeof value === 'object' ? getSelfLoc(value) : undefined) ??
      getKeyLoc(container, key);
    if (loc) return loc;
  }
  return undefined;
}
