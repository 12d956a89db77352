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
 * The positions of one container, in a hidden property of the container itself (a private field,
 * see `Located`). Not a WeakMap of Maps: with hundreds of thousands of containers, weak tables
 * made position bookkeeping cost more than parsing. A sequence keeps an array of positions by
 * index, a mapping a `Map` by key. The hidden property is invisible to `Object.keys`, spread,
 * `JSON.stringify` and ajv, so plain data stays plain, and a copy made by spread simply has no
 * positions, as a derived value should.
 *
 * A position is a `SourceLoc`, or, as a reader records them, a packed integer (see
 * `PackedSource`); a mapping entry read from a file holds its value and key positions in one
 * number (see `put`).
 */
class Meta {
  /** Where the container itself was written. */
  self: Loc | undefined = undefined;
  /** Where the value at each index (sequence) or key (mapping) was written. */
  values: Table | undefined = undefined;
  /** Where each mapping key token was written. */
  keys: Map<string, Loc> | undefined = undefined;
  directives: Map<PropertyKey, MergeDirective> | undefined = undefined;
  /** What the packed positions of this container are offsets into. */
  src: PackedSource | undefined = undefined;
}

/**
 * A parsed text that turns a packed position (a small integer a reader stores instead of a
 * `SourceLoc`, see `loader/line-index`) into a `SourceLoc` when one is asked for. Most recorded
 * positions are never looked at, so a reader of a large file records integers and the objects
 * are made only for the few that end up in a diagnostic.
 */
export interface PackedSource {
  loc(packed: number): SourceLoc;
}

/** A position as stored: a `SourceLoc`, or a packed position in the container's `src`. */
type Loc = SourceLoc | number;

/**
 * Returns the object it is given, so that a subclass's private field is added to any object
 * (the "return override" of class constructors).
 */
class Stamp {
  constructor(o: object) {
    return o;
  }
}

/**
 * The hidden property: a private field, which V8 adds with an ordinary (cached) property store,
 * where `Object.defineProperty` of a non-enumerable symbol was a runtime call for each of the
 * hundreds of thousands of containers of a large file. Unlike a symbol, it is also left out of
 * `Object.getOwnPropertySymbols`, `Object.assign` and `structuredClone`.
 */
class Located extends Stamp {
  #meta: Meta | undefined = undefined;

  static get(o: object): Meta | undefined {
    return #meta in o ? (o as Located).#meta : undefined;
  }

  static attach(o: object): Meta {
    const m = new Meta();
    (new Located(o) as Located).#meta = m;
    return m;
  }
}

function metaOf(container: object): Meta | undefined {
  return Located.get(container);
}

function meta(container: object): Meta {
  return Located.get(container) ?? Located.attach(container);
}

/**
 * A sequence's positions by index, or a mapping's by key. A `Map`, not a prototype-less record:
 * keys are arbitrary user text (service names, variables), which would grow a hidden class each
 * in a plain object, and a `Map` holds a few entries in about two thirds of the memory of a
 * dictionary-mode object, which with one table per mapping of a large file is most of the cost
 * of keeping positions.
 */
type Table = Loc[] | Map<string, Loc>;

function tableGet(t: Table | undefined, key: PropertyKey): Loc | undefined {
  if (!t) return undefined;
  if (Array.isArray(t)) return typeof key === 'number' ? t[key] : undefined;
  return typeof key === 'string'
    ? t.get(key)
    : typeof key === 'number'
      ? t.get(String(key))
      : undefined;
}

function tableSet(t: Table, key: PropertyKey, loc: Loc): void {
  if (Array.isArray(t)) {
    if (typeof key === 'number') t[key] = loc;
    return;
  }
  t.set(String(key), loc);
}

function newTable(container: object): Table {
  return Array.isArray(container) ? [] : new Map();
}

function* tableEntries(t: Table | undefined): Generator<[PropertyKey, Loc]> {
  if (!t) return;
  if (Array.isArray(t)) {
    for (let i = 0; i < t.length; i++) {
      const l = t[i];
      if (l !== undefined) yield [i, l];
    }
  } else {
    yield* t;
  }
}

/**
 * A value position and a key position, both packed, stored as one negative number in the value
 * table, so that a mapping read from a file needs no key table at all.
 */
const PAIR = 2 ** 27;
const MAX_PAIRED_KEY = 2 ** 25;

function pairOf(v: Loc, k: Loc): number | undefined {
  return typeof v === 'number' && typeof k === 'number' && v < PAIR && k < MAX_PAIRED_KEY
    ? -(1 + v + k * PAIR)
    : undefined;
}

/** The value position of a table entry. */
function valuePart(l: Loc | undefined): Loc | undefined {
  return typeof l === 'number' && l < 0 ? (-l - 1) % PAIR : l;
}

/** The key position a table entry carries, if it is a pair. */
function keyPart(l: Loc | undefined): number | undefined {
  return typeof l === 'number' && l < 0 ? Math.floor((-l - 1) / PAIR) : undefined;
}

/**
 * Record the value position `v` and/or the key position `k` (both already in `t`'s terms) of
 * `key`. A key position a pair carried survives a new value position, as a separate key table
 * entry would.
 */
function put(
  t: Meta,
  container: object,
  key: PropertyKey,
  v: Loc | undefined,
  k: Loc | undefined,
): void {
  if (v !== undefined) {
    const table = (t.values ??= newTable(container));
    const old = tableGet(table, key);
    const shadowed = t.keys !== undefined && tableGet(t.keys, key) !== undefined;
    if (k === undefined && !shadowed) k = keyPart(old);
    if (k !== undefined && !shadowed && !Array.isArray(table)) {
      const pair = pairOf(v, k);
      if (pair !== undefined) {
        tableSet(table, key, pair);
        return;
      }
    }
    tableSet(table, key, v);
  }
  if (k !== undefined) tableSet((t.keys ??= new Map()), key, k);
}

/** A stored position as a `SourceLoc` (packed positions are made into one on demand). */
function materialize(m: Meta, l: Loc | undefined): SourceLoc | undefined {
  return typeof l === 'number' ? (m.src as PackedSource).loc(l) : l;
}

/**
 * A position of `from` as it can be stored in `to`: packed positions stay packed when both share
 * a source (a container without packed positions takes on its source), else are materialized.
 */
function transfer(from: Meta, to: Meta, l: Loc): Loc {
  if (typeof l !== 'number') return l;
  if (to.src === undefined) to.src = from.src;
  return to.src === from.src ? l : (from.src as PackedSource).loc(l);
}

/** `!reset` / `!override` written on the value at a key (compose-spec merge rules). */
export type MergeDirective = 'reset' | 'override';

export type PathSegment = string | number;

/** Record where the value at `container[key]` was written. */
export function setLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  const m = meta(container);
  put(m, container, key, loc, undefined);
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object') {
    const vm = meta(v);
    vm.self ??= loc;
  }
}

/** Where the value at `container[key]` was written, if it was. */
export function getLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  const m = metaOf(container);
  return m && materialize(m, valuePart(tableGet(m.values, key)));
}

/**
 * Record the source that packed positions of `container` refer to, and, unless `packed` is
 * negative, where the container itself was written. For readers; see `PackedSource`.
 */
export function setSelfPacked(container: object, src: PackedSource, packed: number): void {
  const m = meta(container);
  m.src = src;
  if (packed >= 0) m.self = packed;
}

/**
 * `setLoc` and, unless `keyPacked` is negative, `setKeyLoc` with packed positions into the
 * source given to `setSelfPacked` for `container`.
 */
export function setLocPacked(
  container: object,
  key: PropertyKey,
  packed: number,
  keyPacked = -1,
): void {
  const m = meta(container);
  put(m, container, key, packed, keyPacked >= 0 ? keyPacked : undefined);
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object') {
    const vm = meta(v);
    if (vm.self === undefined) vm.self = transfer(m, vm, packed);
  }
}

/**
 * `setLoc` for every index of a sequence at once: `packed[i]` for `sequence[i]`, packed positions
 * into the source given to `setSelfPacked`. `packed` becomes the table itself, so the reader
 * hands over an array of the sequence's length that it keeps no reference to.
 */
export function setSequencePacked(sequence: unknown[], packed: number[]): void {
  const m = meta(sequence);
  if (m.values !== undefined) {
    for (let i = 0; i < packed.length; i++) setLocPacked(sequence, i, packed[i] as number);
    return;
  }
  m.values = packed;
  for (let i = 0; i < sequence.length; i++) {
    const v = sequence[i];
    if (v !== null && typeof v === 'object') {
      const vm = meta(v);
      if (vm.self === undefined) vm.self = transfer(m, vm, packed[i] as number);
    }
  }
}

/** Record where the key token of a mapping entry was written (for "unknown key" errors). */
export function setKeyLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  const m = meta(container);
  tableSet((m.keys ??= new Map()), key, loc);
}

export function getKeyLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  const m = metaOf(container);
  if (!m) return undefined;
  const l = tableGet(m.values, key);
  return materialize(m, tableGet(m.keys, key) ?? keyPart(l) ?? l);
}

/** Record where a container (mapping or sequence) itself was written. */
export function setSelfLoc(container: object, loc: SourceLoc): void {
  meta(container).self = loc;
}

export function getSelfLoc(container: object): SourceLoc | undefined {
  const m = metaOf(container);
  return m && materialize(m, m.self);
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
  for (const [k, l] of tableEntries(f.values)) {
    const kp = keyPart(l);
    put(t, to, k, transfer(f, t, valuePart(l) as Loc), kp === undefined ? kp : transfer(f, t, kp));
  }
  for (const [k, l] of tableEntries(f.keys)) {
    tableSet((t.keys ??= new Map()), k, transfer(f, t, l));
  }
  if (f.directives) for (const [k, d] of f.directives) (t.directives ??= new Map()).set(k, d);
  if (t.self === undefined && f.self !== undefined) t.self = transfer(f, t, f.self);
}

/** Copy the position (value and key) of `from[fromKey]` to `to[toKey]`. */
export function copyLoc(from: object, fromKey: PropertyKey, to: object, toKey: PropertyKey): void {
  const f = metaOf(from);
  if (!f) return;
  const e = tableGet(f.values, fromKey);
  const l = valuePart(e);
  const k = tableGet(f.keys, fromKey) ?? keyPart(e);
  if (l === undefined && k === undefined) return;
  const t = meta(to);
  put(
    t,
    to,
    toKey,
    l === undefined ? l : transfer(f, t, l),
    k === undefined ? k : transfer(f, t, k),
  );
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
