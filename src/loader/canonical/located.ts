import type { SourceLoc } from '../../diag/diagnostic.js';
import {
  copyKeyLoc,
  copyLocToSelf,
  copyValueLoc,
  getDirective,
  setDirective,
  setKeyLoc,
  setLoc,
} from '../../model/locations.js';
import type { Container } from './walk.js';

/*
 * Position bookkeeping for values the canonical stage creates. The rule (docs/syntax.md): what is
 * derived from text the user wrote gets that text's position, so it counts as written; what Compose
 * fills in by default gets none, so later stages can tell the two apart.
 */

type Indexable = Record<string | number, unknown>;

/**
 * Replace `parent[key]` with its long form, keeping the position of the short form on the slot
 * and giving it to the new container too (`getSelfLoc`).
 */
export function replaceAt(parent: Container, key: string | number, value: unknown): void {
  (parent as Indexable)[key] = value;
  // The slot's own position is already recorded against `parent`: only the new container needs it.
  if (value !== null && typeof value === 'object') copyLocToSelf(parent, key, value);
}

/** Set `obj[key]`, recording `loc` as where it was written when the value came from that text. */
export function put(obj: object, key: string | number, value: unknown, loc?: SourceLoc): void {
  (obj as Indexable)[key] = value;
  if (loc) setLoc(obj, key, loc);
}

/**
 * Set `obj[key]` to a value derived from the text at `from[fromKey]`, giving it that text's
 * position (if it has one): `put(obj, key, value, getLoc(from, fromKey))` without making the
 * position into an object only to store it again.
 */
export function putFrom(
  obj: object,
  key: string | number,
  value: unknown,
  from: object,
  fromKey: string | number,
): void {
  (obj as Indexable)[key] = value;
  copyValueLoc(from, fromKey, obj, key);
}

/** `put` for a map entry made from a list item: the key token is that item too. */
export function putKeyed(obj: object, key: string, value: unknown, loc?: SourceLoc): void {
  put(obj, key, value, loc);
  if (loc) setKeyLoc(obj, key, loc);
}

/** Carry the position and merge directive of `from[i]` over to `to[j]`. */
export function moveLoc(from: object, i: string | number, to: object, j: string | number): void {
  copyValueLoc(from, i, to, j);
  if (typeof j === 'string') copyKeyLoc(from, i, to, j);
  const d = getDirective(from, i);
  if (d) setDirective(to, j, d);
}

/**
 * A new, empty mapping for keys that differ from one mapping to the next, such as the service
 * names of `depends_on`. V8 gives every object a hidden class per sequence of keys it was given:
 * 10,000 `depends_on` mappings, each keyed by another service, made 10,000 hidden classes (and
 * made every later property access on them a cache miss). An object that had a property deleted
 * other than its last is kept in dictionary mode instead, with no hidden class of its own. It is
 * an ordinary object in every other way.
 */
export function newKeyedMap<T>(): Record<string, T> {
  const m: Record<string, unknown> = { a: 0, b: 0 };
  delete m.a;
  delete m.b;
  return m as Record<string, T>;
}

/** True for a plain mapping (not a sequence, not null). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
