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
/**
 * The positions of one container, in a hidden (non-enumerable, symbol-keyed) property of the
 * container itself. Not a WeakMap of Maps: with hundreds of thousands of containers, weak tables
 * and per-container Maps made position bookkeeping cost more than parsing. A sequence keeps an
 * array of positions by index; a mapping keeps a plain object with the same keys as itself,
 * which V8 lays out with the same hidden classes as the data. The hidden property is invisible
 * to `Object.keys`, spread, `JSON.stringify` and ajv, so plain data stays plain, and a copy made
 * by spread simply has no positions, as a derived value should.
 */
class Meta {
  /** Where the container itself was written. */
  self: SourceLoc | undefined = undefined;
  /** Where the value at each index (sequence) or key (mapping) was written. */
  values: SourceLoc[] | Record<string, SourceLoc> | undefined = undefined;
  /** Where each mapping key token was written. */
  keys: Record<string, SourceLoc> | undefined = undefined;
  directives: Map<PropertyKey, MergeDirective> | undefined = undefined;
}

const META: unique symbol = Symbol('nestc.locations');

type WithMeta = { [META]?: Meta };

function metaOf(container: object): Meta | undefined {
  return (container as WithMeta)[META];
}

function meta(container: object): Meta {
  let m = (container as WithMeta)[META];
  if (!m) {
    m = new Meta();
    Object.defineProperty(container, META, { value: m, enumerable: false, writable: true });
  }
  return m;
}

type Table = SourceLoc[] | Record<string, SourceLoc>;

function tableGet(t: Table | undefined, key: PropertyKey): SourceLoc | undefined {
  if (!t) return undefined;
  if (Array.isArray(t)) return typeof key === 'number' ? t[key] : undefined;
  return t[key as string];
}

function tableSet(t: Table, key: PropertyKey, loc: SourceLoc): void {
  if (Array.isArray(t)) {
    if (typeof key === 'number') t[key] = loc;
    return;
  }
  const k = String(key);
  if (k === '__proto__') {
    Object.defineProperty(t, k, {
      value: loc,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    t[k] = loc;
  }
}

/**
 * A prototype-less record: keys are arbitrary user text (service names, variables), and V8 keeps
 * such objects as hash tables instead of growing a hidden class per distinct set of keys.
 */
function dictionary(): Record<string, SourceLoc> {
  return Object.create(null) as Record<string, SourceLoc>;
}

function newTable(container: object): Table {
  return Array.isArray(container) ? [] : dictionary();
}

function* tableEntries(t: Table | undefined): Generator<[PropertyKey, SourceLoc]> {
  if (!t) return;
  if (Array.isArray(t)) {
    for (let i = 0; i < t.length; i++) if (t[i]) yield [i, t[i] as SourceLoc];
  } else {
    for (const k of Object.keys(t)) yield [k, t[k] as SourceLoc];
  }
}

/** `!reset` / `!override` written on the value at a key (compose-spec merge rules). */
export type MergeDirective = 'reset' | 'override';

export type PathSegment = string | number;

/** Record where the value at `container[key]` was written. */
export function setLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  const m = meta(container);
  tableSet((m.values ??= newTable(container)), key, loc);
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object') {
    const vm = meta(v);
    vm.self ??= loc;
  }
}

/** Where the value at `container[key]` was written, if it was. */
export function getLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  return tableGet(metaOf(container)?.values, key);
}

/** Record where the key token of a mapping entry was written (for "unknown key" errors). */
export function setKeyLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  const m = meta(container);
  tableSet((m.keys ??= dictionary()), key, loc);
}

export function getKeyLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  const m = metaOf(container);
  if (!m) return undefined;
  return tableGet(m.keys, key) ?? tableGet(m.values, key);
}

/** Record where a container (mapping or sequence) itself was written. */
export function setSelfLoc(container: object, loc: SourceLoc): void {
  meta(container).self = loc;
}

export function getSelfLoc(container: object): SourceLoc | undefined {
  return metaOf(container)?.self;
}

/** True when the user wrote `container[key]`; false when nestc defaulted or derived it. */
export function isWritten(container: object, key: PropertyKey): boolean {
  return tableGet(metaOf(container)?.values, key) !== undefined;
}

export function setDirective(container: object, key: PropertyKey, d: MergeDirective): void {
  const m = meta(container);
  (m.directives ??= new Map()).set(key, d);
}

export function getDirective(container: object, key: PropertyKey): MergeDirective | undefined {
  return metaOf(container)?.directives?.get(key);
}

/** All keys of `container` that carry a directive (a `!reset` key is absent from the object). */
export function directiveKeys(container: object): [PropertyKey, MergeDirective][] {
  return [...(metaOf(container)?.directives?.entries() ?? [])];
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
    root !== null && typeof root === 'object' ? getSelfLoc(root) : undefined;
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
  const f = metaOf(from);
  if (!f) return;
  const t = meta(to);
  for (const [k, l] of tableEntries(f.values)) tableSet((t.values ??= newTable(to)), k, l);
  for (const [k, l] of tableEntries(f.keys)) tableSet((t.keys ??= dictionary()), k, l);
  if (f.directives) for (const [k, d] of f.directives) (t.directives ??= new Map()).set(k, d);
  t.self ??= f.self;
}

/** Copy the position (value and key) of `from[fromKey]` to `to[toKey]`. */
export function copyLoc(from: object, fromKey: PropertyKey, to: object, toKey: PropertyKey): void {
  const f = metaOf(from);
  if (!f) return;
  const l = tableGet(f.values, fromKey);
  const k = tableGet(f.keys, fromKey);
  if (!l && !k) return;
  const t = meta(to);
  if (l) tableSet((t.values ??= newTable(to)), toKey, l);
  if (k) tableSet((t.keys ??= dictionary()), toKey, k);
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
