import type { SourceLoc } from '../diag/diagnostic.js';

/**
 * Source positions kept beside plain JavaScript values.
 *
 * Stages work on plain objects and arrays (what ajv validates and what users of the API expect),
 * so positions live in side tables keyed by the containing object: for a container and one of its
 * keys (or indices) we know where the value was written and where the key itself was written.
 * A value with no recorded position was not written by the user: it was defaulted or derived.
 * This is how the resolver tells `read_only: false` written out from `read_only` left unset.
 *
 * Stages that replace a value in place keep its position; stages that build new containers copy
 * positions with `copyLocations` / `cloneLocated`.
 */
const VALUE_LOCS = new WeakMap<object, Map<PropertyKey, SourceLoc>>();
const KEY_LOCS = new WeakMap<object, Map<PropertyKey, SourceLoc>>();
const SELF_LOCS = new WeakMap<object, SourceLoc>();

/** `!reset` / `!override` written on the value at a key (compose-spec merge rules). */
export type MergeDirective = 'reset' | 'override';
const DIRECTIVES = new WeakMap<object, Map<PropertyKey, MergeDirective>>();

export type PathSegment = string | number;

function tableFor(
  table: WeakMap<object, Map<PropertyKey, SourceLoc>>,
  container: object,
): Map<PropertyKey, SourceLoc> {
  let m = table.get(container);
  if (!m) {
    m = new Map();
    table.set(container, m);
  }
  return m;
}

/** Record where the value at `container[key]` was written. */
export function setLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  tableFor(VALUE_LOCS, container).set(key, loc);
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object' && !SELF_LOCS.has(v)) SELF_LOCS.set(v, loc);
}

/** Where the value at `container[key]` was written, if it was. */
export function getLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  return VALUE_LOCS.get(container)?.get(key);
}

/** Record where the key token of a mapping entry was written (for "unknown key" errors). */
export function setKeyLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  tableFor(KEY_LOCS, container).set(key, loc);
}

export function getKeyLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  return KEY_LOCS.get(container)?.get(key) ?? VALUE_LOCS.get(container)?.get(key);
}

/** Where a container (mapping or sequence) itself was written. */
export function setSelfLoc(container: object, loc: SourceLoc): void {
  SELF_LOCS.set(container, loc);
}

export function getSelfLoc(container: object): SourceLoc | undefined {
  return SELF_LOCS.get(container);
}

/** True when the user wrote `container[key]`; false when nestc defaulted or derived it. */
export function isWritten(container: object, key: PropertyKey): boolean {
  return VALUE_LOCS.get(container)?.has(key) ?? false;
}

export function setDirective(container: object, key: PropertyKey, d: MergeDirective): void {
  let m = DIRECTIVES.get(container);
  if (!m) {
    m = new Map();
    DIRECTIVES.set(container, m);
  }
  m.set(key, d);
}

export function getDirective(container: object, key: PropertyKey): MergeDirective | undefined {
  return DIRECTIVES.get(container)?.get(key);
}

/** All keys of `container` that carry a directive (a `!reset` key is absent from the object). */
export function directiveKeys(container: object): [PropertyKey, MergeDirective][] {
  return [...(DIRECTIVES.get(container)?.entries() ?? [])];
}

/**
 * Position of the deepest written node on `path` below `root`: the exact node when it was
 * written, else its closest written ancestor. Used to point a schema error (an ajv instance
 * path) or a semantic error at the YAML that caused it. `preferKey` points at the key token of
 * the last segment, which reads better for "unknown key" errors.
 */
export function locAt(
  root: unknown,
  path: readonly PathSegment[],
  preferKey = false,
): SourceLoc | undefined {
  let best: SourceLoc | undefined =
    root !== null && typeof root === 'object' ? SELF_LOCS.get(root) : undefined;
  let cur: unknown = root;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') break;
    const seg = path[i] as PathSegment;
    const last = i === path.length - 1;
    const here = last && preferKey ? getKeyLoc(cur, seg) : getLoc(cur, seg);
    if (here) best = here;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return best;
}

/** Copy every recorded position and directive of `from` onto `to` (same keys). */
export function copyLocations(from: object, to: object): void {
  const v = VALUE_LOCS.get(from);
  if (v) for (const [k, l] of v) tableFor(VALUE_LOCS, to).set(k, l);
  const k = KEY_LOCS.get(from);
  if (k) for (const [kk, l] of k) tableFor(KEY_LOCS, to).set(kk, l);
  const s = SELF_LOCS.get(from);
  if (s && !SELF_LOCS.has(to)) SELF_LOCS.set(to, s);
  const d = DIRECTIVES.get(from);
  if (d) for (const [kk, dd] of d) setDirective(to, kk, dd);
}

/** Copy the position (value and key) of `from[fromKey]` to `to[toKey]`. */
export function copyLoc(from: object, fromKey: PropertyKey, to: object, toKey: PropertyKey): void {
  const l = getLoc(from, fromKey);
  if (l) tableFor(VALUE_LOCS, to).set(toKey, l);
  const k = KEY_LOCS.get(from)?.get(fromKey);
  if (k) tableFor(KEY_LOCS, to).set(toKey, k);
}

/** Deep clone of plain data that keeps every position and directive. */
export function cloneLocated<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = value.map((v) => cloneLocated(v) as unknown);
    copyLocations(value, out);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cloneLocated(v);
  copyLocations(value, out);
  return out as T;
}
