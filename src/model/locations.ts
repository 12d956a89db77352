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
 * The positions of one container: one array (`Table`), in a hidden property of the container
 * itself (a private field, see `Located`). Not a WeakMap of Maps: with hundreds of thousands of
 * containers, weak tables made position bookkeeping cost more than parsing. The hidden property
 * is invisible to `Object.keys`, spread, `JSON.stringify` and ajv, so plain data stays plain, and
 * a copy made by spread simply has no positions, as a derived value should.
 *
 * One array and nothing else, because a large file has a container for every few lines and
 * everything allocated per container is what the garbage collector copies while the file is
 * read: a `Map` per mapping (about 200 bytes even when small) and an object holding the tables
 * were, before, most of the memory of a large file's positions.
 *
 * The table's first `HEAD` slots hold where the container itself was written (`SELF`), the
 * `PackedSource` its packed positions refer to (`SRC`) and the rarely needed rest (`EXTRA`).
 * Then, for a sequence, the position of each item by index; for a mapping, three slots per key
 * with a recorded position, in the order they were first recorded: the key (a string), where its
 * value was written and where the key itself was written (either may be undefined, not both).
 * A mapping's slots are searched from the start while it is short and through an index
 * (`Extra.index`) once it is long.
 *
 * A position is a `SourceLoc`, or, as a reader records them, a packed integer (see
 * `PackedSource`).
 */
type Table = (Loc | string | PackedSource | Extra | undefined)[];

const SELF = 0;
const SRC = 1;
const EXTRA = 2;
/** Slots before the positions of items or keys; see `Table`. */
const HEAD = 3;

/** What few containers need: an index, key positions of sequence items, merge directives. */
class Extra {
  /** The slot of each key of a long mapping (more than `INDEXED` keys). */
  index: Map<string, number> | undefined = undefined;
  /** Where the "key" of a sequence item was written (an item copied from a mapping entry). */
  keys: Map<string, Loc> | undefined = undefined;
  directives: Map<PropertyKey, MergeDirective> | undefined = undefined;
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

/** A position as stored: a `SourceLoc`, or a packed position in the container's `SRC`. */
type Loc = SourceLoc | number;

/** Keys a mapping may have before its slots get an index (a linear search is cheaper below). */
const INDEXED = 12;

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
  #table: Table | undefined = undefined;

  static get(o: object): Table | undefined {
    return #table in o ? (o as Located).#table : undefined;
  }

  static attach(o: object, t: Table): Table {
    (new Located(o) as Located).#table = t;
    return t;
  }

  /** Put `t` in place of the table of `o`, which has one. */
  static replace(o: object, t: Table): void {
    (o as Located).#table = t;
  }
}

function tableOf(container: object): Table | undefined {
  return Located.get(container);
}

function table(container: object): Table {
  return Located.get(container) ?? Located.attach(container, [undefined, undefined, undefined]);
}

function extra(t: Table): Extra {
  return (t[EXTRA] ??= new Extra()) as Extra;
}

function extraOf(t: Table | undefined): Extra | undefined {
  return t?.[EXTRA] as Extra | undefined;
}

/** The key a mapping's slots know `key` by, if it can be one. */
function slotKey(key: PropertyKey): string | undefined {
  return typeof key === 'string' ? key : typeof key === 'number' ? String(key) : undefined;
}

/** The offset of `key`'s slot in a mapping's table `t`, or -1. */
function slotOf(t: Table, key: string): number {
  const index = extraOf(t)?.index;
  if (index !== undefined) return index.get(key) ?? -1;
  for (let i = HEAD; i < t.length; i += 3) if (t[i] === key) return i;
  return -1;
}

/** Where the value at `key` was written, as stored. */
function valueOf(t: Table, container: object, key: PropertyKey): Loc | undefined {
  if (Array.isArray(container)) {
    return typeof key === 'number' && key >= 0 ? (t[HEAD + key] as Loc | undefined) : undefined;
  }
  const k = slotKey(key);
  if (k === undefined) return undefined;
  const s = slotOf(t, k);
  return s < 0 ? undefined : (t[s + 1] as Loc | undefined);
}

/** Where the key `key` itself was written, as stored (no fallback to the value's position). */
function keyOf(t: Table, container: object, key: PropertyKey): Loc | undefined {
  const k = slotKey(key);
  if (k === undefined) return undefined;
  if (Array.isArray(container)) return extraOf(t)?.keys?.get(k);
  const s = slotOf(t, k);
  return s < 0 ? undefined : (t[s + 2] as Loc | undefined);
}

/**
 * Record the value position `v` and/or the key position `k` (both already in `t`'s terms) of
 * `key`; what is undefined keeps what was recorded before. Returns the container's table, which
 * may be a new one (see `appended`): callers go on with the table returned.
 */
function put(
  t: Table,
  container: object,
  key: PropertyKey,
  v: Loc | undefined,
  k: Loc | undefined,
): Table {
  if (Array.isArray(container)) {
    if (k !== undefined) (extra(t).keys ??= new Map()).set(String(key), k);
    if (v === undefined || typeof key !== 'number' || key < 0) return t;
    const at = HEAD + key;
    if (at < t.length || at > t.length + 16) {
      t[at] = v;
      return t;
    }
    const add: (Loc | undefined)[] = [];
    for (let i = t.length; i < at; i++) add.push(undefined);
    add.push(v);
    return appended(container, t, add);
  }
  if (v === undefined && k === undefined) return t;
  const name = String(key);
  const s = slotOf(t, name);
  if (s >= 0) {
    if (v !== undefined) t[s + 1] = v;
    if (k !== undefined) t[s + 2] = k;
    return t;
  }
  return addSlots(container, t, [name, v, k]);
}

/** `t` with the mapping slots `add` (keys it does not have) at its end, and its index kept. */
function addSlots(container: object, t: Table, add: Table): Table {
  const first = t.length;
  const next = appended(container, t, add);
  const index = extraOf(next)?.index;
  if (index !== undefined) {
    for (let i = first; i < next.length; i += 3) index.set(next[i] as string, i);
  } else if (next.length > HEAD + INDEXED * 3) {
    indexSlots(next);
  }
  return next;
}

/**
 * `t` with `add` at its end. A short table is replaced by an exact copy (attached to
 * `container` in its place) rather than grown in place, because V8 grows an array by half
 * plus 16 slots, which for the few positions of a container that a stage makes is more than
 * the positions themselves; a long one grows in place.
 */
function appended(container: object, t: Table, add: Table): Table {
  if (t.length + add.length > HEAD + INDEXED * 3) {
    for (const x of add) t.push(x);
    return t;
  }
  const next = t.concat(add);
  Located.replace(container, next);
  return next;
}

function indexSlots(t: Table): void {
  const index = new Map<string, number>();
  for (let i = HEAD; i < t.length; i += 3) index.set(t[i] as string, i);
  extra(t).index = index;
}

/** A stored position as a `SourceLoc` (packed positions are made into one on demand). */
function materialize(t: Table, l: Loc | undefined): SourceLoc | undefined {
  return typeof l === 'number' ? (t[SRC] as PackedSource).loc(l) : l;
}

/**
 * A position of `from` as it can be stored in `to`: packed positions stay packed when both share
 * a source (a container without packed positions takes on its source), else are materialized.
 */
function transfer(from: Table, to: Table, l: Loc): Loc {
  if (typeof l !== 'number') return l;
  if (to[SRC] === undefined) to[SRC] = from[SRC];
  return to[SRC] === from[SRC] ? l : (from[SRC] as PackedSource).loc(l);
}

/** `transfer` that passes undefined through. */
function transferred(from: Table, to: Table, l: Loc | undefined): Loc | undefined {
  return l === undefined ? l : transfer(from, to, l);
}

/** Give the value at `container[key]`, when it is a container, `l` as its own position. */
function selfOfValue(t: Table, container: object, key: PropertyKey, l: Loc): void {
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object') {
    const vt = table(v);
    if (vt[SELF] === undefined) vt[SELF] = transfer(t, vt, l);
  }
}

/** `!reset` / `!override` written on the value at a key (compose-spec merge rules). */
export type MergeDirective = 'reset' | 'override';

export type PathSegment = string | number;

/** Record where the value at `container[key]` was written. */
export function setLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  put(table(container), container, key, loc, undefined);
  const v = (container as Record<PropertyKey, unknown>)[key];
  if (v !== null && typeof v === 'object') {
    const vt = table(v);
    vt[SELF] ??= loc;
  }
}

/** Where the value at `container[key]` was written, if it was. */
export function getLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  const t = tableOf(container);
  return t && materialize(t, valueOf(t, container, key));
}

/**
 * Record the source that packed positions of `container` refer to, and, unless `packed` is
 * negative, where the container itself was written. For readers; see `PackedSource`.
 */
export function setSelfPacked(container: object, src: PackedSource, packed: number): void {
  const t = table(container);
  t[SRC] = src;
  if (packed >= 0) t[SELF] = packed;
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
  const t = put(table(container), container, key, packed, keyPacked >= 0 ? keyPacked : undefined);
  selfOfValue(t, container, key, packed);
}

/**
 * `setLoc` for every index of a sequence at once: `packed[i]` for `sequence[i]`, packed positions
 * into the source given to `setSelfPacked`.
 */
export function setSequencePacked(sequence: unknown[], packed: number[]): void {
  for (let i = 0; i < packed.length; i++) setLocPacked(sequence, i, packed[i] as number);
}

/** Slots a reader reserves at the start of the table it hands to `setReadPositions`. */
export const READ_TABLE_HEAD = HEAD;

/**
 * For readers: every position of a container it has just made, at once, in the array that
 * becomes the container's own table (so the reader hands over an array it keeps no reference
 * to). The first `READ_TABLE_HEAD` slots of `entries` are reserved (their content is ignored);
 * then come, for a sequence, the position of each item in order, and for a mapping, for each key
 * in order and no key twice: the key, where its value was written (or undefined, for a key whose
 * value is not kept, such as one tagged `!reset`) and where the key was written. Positions are
 * `SourceLoc`s or packed into `src`; `self` is where the container itself was written.
 *
 * Unlike `setLocPacked` it leaves the values alone: a reader gives every container it makes its
 * own position as it makes it, so a value that is a container has one already.
 */
export function setReadPositions(
  container: object,
  src: PackedSource,
  self: Loc,
  entries: (Loc | string | undefined)[],
): void {
  const t = entries as Table;
  t[SELF] = self;
  t[SRC] = src;
  t[EXTRA] = undefined;
  const old = tableOf(container);
  if (old === undefined) {
    Located.attach(container, t);
    if (!Array.isArray(container) && t.length > HEAD + INDEXED * 3) indexSlots(t);
    return;
  }
  // Not a container just made: record the entries one by one over what is there.
  let to = old;
  to[SRC] = src;
  to[SELF] = self;
  if (Array.isArray(container)) {
    for (let i = HEAD; i < t.length; i++) {
      const l = t[i] as Loc | undefined;
      if (l !== undefined) to = put(to, container, i - HEAD, l, undefined);
    }
  } else {
    for (let i = HEAD; i < t.length; i += 3) {
      to = put(to, container, t[i] as string, t[i + 1] as Loc | undefined, t[i + 2] as Loc);
    }
  }
}

/** Record where the key token of a mapping entry was written (for "unknown key" errors). */
export function setKeyLoc(container: object, key: PropertyKey, loc: SourceLoc): void {
  put(table(container), container, key, undefined, loc);
}

export function getKeyLoc(container: object, key: PropertyKey): SourceLoc | undefined {
  const t = tableOf(container);
  if (!t) return undefined;
  return materialize(t, keyOf(t, container, key) ?? valueOf(t, container, key));
}

/** Record where a container (mapping or sequence) itself was written. */
export function setSelfLoc(container: object, loc: SourceLoc): void {
  table(container)[SELF] = loc;
}

export function getSelfLoc(container: object): SourceLoc | undefined {
  const t = tableOf(container);
  return t && materialize(t, t[SELF] as Loc | undefined);
}

/**
 * Whether a position of `container` itself is recorded: `getSelfLoc(container) !== undefined`,
 * without making a packed position into a `SourceLoc` only to test it.
 */
export function hasSelfLoc(container: object): boolean {
  return tableOf(container)?.[SELF] !== undefined;
}

/** True when the user wrote `container[key]`; false when nestc defaulted or derived it. */
export function isWritten(container: object, key: PropertyKey): boolean {
  const t = tableOf(container);
  return t !== undefined && valueOf(t, container, key) !== undefined;
}

export function setDirective(container: object, key: PropertyKey, d: MergeDirective): void {
  (extra(table(container)).directives ??= new Map()).set(key, d);
}

export function getDirective(container: object, key: PropertyKey): MergeDirective | undefined {
  return extraOf(tableOf(container))?.directives?.get(key);
}

/** All keys of `container` that carry a directive (a `!reset` key is absent from the object). */
export function directiveKeys(container: object): [PropertyKey, MergeDirective][] {
  return [...(extraOf(tableOf(container))?.directives?.entries() ?? [])];
}

/*
 * Moving positions from one place to another. A stage that derives a value from written text
 * gives it that text's position; these do what `setLoc(to, k, getLoc(from, j))` and the like do,
 * but keep a packed position packed instead of making a `SourceLoc` of it only to store it again
 * (a large file has hundreds of thousands of such moves and looks at a handful of positions).
 */

/**
 * `setLoc(to, toKey, getLoc(from, fromKey))` when `from[fromKey]` has a position; returns
 * whether it had one. Like `setLoc`, a container at `to[toKey]` with no position of its own
 * gets this one.
 */
export function copyValueLoc(
  from: object,
  fromKey: PropertyKey,
  to: object,
  toKey: PropertyKey,
): boolean {
  const f = tableOf(from);
  const l = f && valueOf(f, from, fromKey);
  if (l === undefined) return false;
  let t = table(to);
  const moved = transfer(f as Table, t, l);
  t = put(t, to, toKey, moved, undefined);
  selfOfValue(t, to, toKey, moved);
  return true;
}

/**
 * `copyValueLoc(from, fromKey, to, k)` for each of `keys`, recorded all at once: the fields of a
 * long form parsed from one short entry (a mount, a port) all carry that entry's position, and
 * a new container gets one table made to size rather than one per field. Returns whether
 * `from[fromKey]` had a position.
 */
export function copyValueLocs(
  from: object,
  fromKey: PropertyKey,
  to: object,
  keys: readonly string[],
): boolean {
  const f = tableOf(from);
  const l = f && valueOf(f, from, fromKey);
  if (l === undefined) return false;
  let t = table(to);
  const moved = transfer(f as Table, t, l);
  if (Array.isArray(to)) {
    for (const k of keys) t = put(t, to, k, moved, undefined);
  } else {
    const add: Table = [];
    for (const k of keys) {
      const s = slotOf(t, k);
      if (s >= 0) t[s + 1] = moved;
      else if (!add.includes(k)) add.push(k, moved, undefined);
    }
    if (add.length > 0) t = addSlots(to, t, add);
  }
  for (const k of keys) selfOfValue(t, to, k, moved);
  return true;
}

/**
 * `setKeyLoc(to, toKey, getKeyLoc(from, fromKey))` when that is defined (the key's position,
 * else its value's, as `getKeyLoc` falls back); returns whether it was.
 */
export function copyKeyLoc(
  from: object,
  fromKey: PropertyKey,
  to: object,
  toKey: PropertyKey,
): boolean {
  const f = tableOf(from);
  const l = f && (keyOf(f, from, fromKey) ?? valueOf(f, from, fromKey));
  if (l === undefined) return false;
  const t = table(to);
  put(t, to, toKey, undefined, transfer(f as Table, t, l));
  return true;
}

/**
 * `setSelfLoc(value, getLoc(from, fromKey))` when `from[fromKey]` has a position; returns whether
 * it had one. `value` is usually what replaces `from[fromKey]` (a long form of a short one).
 */
export function copyLocToSelf(from: object, fromKey: PropertyKey, value: object): boolean {
  const f = tableOf(from);
  const l = f && valueOf(f, from, fromKey);
  if (l === undefined) return false;
  const vt = table(value);
  vt[SELF] = transfer(f as Table, vt, l);
  return true;
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
  const f = tableOf(from);
  if (!f) return;
  let t = table(to);
  if (Array.isArray(from)) {
    for (let i = HEAD; i < f.length; i++) {
      const l = f[i] as Loc | undefined;
      if (l !== undefined) t = put(t, to, i - HEAD, transfer(f, t, l), undefined);
    }
  } else {
    for (let i = HEAD; i < f.length; i += 3) {
      const v = transferred(f, t, f[i + 1] as Loc | undefined);
      t = put(t, to, f[i] as string, v, transferred(f, t, f[i + 2] as Loc | undefined));
    }
  }
  const ex = extraOf(f);
  if (ex?.keys) for (const [k, l] of ex.keys) t = put(t, to, k, undefined, transfer(f, t, l));
  if (ex?.directives) {
    const d = (extra(t).directives ??= new Map());
    for (const [k, dir] of ex.directives) d.set(k, dir);
  }
  if (t[SELF] === undefined && f[SELF] !== undefined) t[SELF] = transfer(f, t, f[SELF] as Loc);
}

/** Copy the position (value and key) of `from[fromKey]` to `to[toKey]`. */
export function copyLoc(from: object, fromKey: PropertyKey, to: object, toKey: PropertyKey): void {
  const f = tableOf(from);
  if (!f) return;
  const l = valueOf(f, from, fromKey);
  const k = keyOf(f, from, fromKey);
  if (l === undefined && k === undefined) return;
  const t = table(to);
  put(t, to, toKey, transferred(f, t, l), transferred(f, t, k));
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
