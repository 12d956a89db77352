import type { SourceLoc } from '../../diag/diagnostic.js';
import {
  getDirective,
  getKeyLoc,
  getLoc,
  setDirective,
  setKeyLoc,
  setLoc,
  setSelfLoc,
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
  if (value === null || typeof value !== 'object') return;
  const loc = getLoc(parent, key);
  if (loc) setSelfLoc(value, loc);
}

/** Set `obj[key]`, recording `loc` as where it was written when the value came from that text. */
export function put(obj: object, key: string | number, value: unknown, loc?: SourceLoc): void {
  (obj as Indexable)[key] = value;
  if (loc) setLoc(obj, key, loc);
}

/** `put` for a map entry made from a list item: the key token is that item too. */
export function putKeyed(obj: object, key: string, value: unknown, loc?: SourceLoc): void {
  put(obj, key, value, loc);
  if (loc) setKeyLoc(obj, key, loc);
}

/** Carry the position and merge directive of `from[i]` over to `to[j]`. */
export function moveLoc(from: object, i: string | number, to: object, j: string | number): void {
  const loc = getLoc(from, i);
  if (loc) setLoc(to, j, loc);
  if (typeof j === 'string') {
    const key = getKeyLoc(from, i);
    if (key) setKeyLoc(to, j, key);
  }
  const d = getDirective(from, i);
  if (d) setDirective(to, j, d);
}

/** True for a plain mapping (not a sequence, not null). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
