import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';
import {
  copyLoc,
  directiveKeys,
  getDirective,
  getLoc,
  getSelfLoc,
  setDirective,
  setSelfLoc,
} from '../../model/locations.js';

/**
 * The merge engine: compose-go merges YAML trees with a table of special rules keyed by path
 * pattern (`services.*.ports`). nestc keeps the same table as a tree of shapes instead of
 * patterns, because the service rules must apply to inner `x-nest` services at any depth, which
 * a fixed pattern cannot say.
 *
 * Merging never mutates its inputs' containers: it builds new ones and shares untouched subtrees,
 * so the cost is the size of what the two sides share, and a value keeps the position of the
 * file that provided it.
 */

export type Obj = Record<string, unknown>;

/** Where a merge happens: the dotted path for messages, and where the overriding value was written. */
export interface MergeCx {
  readonly diags: Diagnostics;
  readonly path: string[];
  /** Position of the overriding value being merged (for `merge-incompatible`). */
  at: SourceLoc | undefined;
}

/** A special rule for one place in the tree (compose-go's `mergeSpecials`). */
export type Merger = (base: unknown, over: unknown, cx: MergeCx, shape: Shape) => unknown;

/** What the engine knows about one place in the tree. */
export interface Shape {
  /** A special rule; default: mappings merge by key, sequences append, scalars are replaced. */
  merge?: Merger;
  /** Shapes of known keys of a mapping. */
  keys?: Record<string, Shape>;
  /** Shape of every entry of a mapping whose keys are names (`services.*`). */
  each?: Shape;
  /** An overriding `null` replaces the value (`command: null`); otherwise it keeps the base. */
  nullReplaces?: boolean;
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Merge `over` onto `base` at a place described by `shape`. */
export function mergeAt(
  shape: Shape | undefined,
  base: unknown,
  over: unknown,
  cx: MergeCx,
): unknown {
  if (over === null || over === undefined) return shape?.nullReplaces ? over : base;
  if (shape?.merge) return shape.merge(base, over, cx, shape);
  return mergeGeneric(shape, base, over, cx);
}

/** compose-go's default: mappings merge recursively, sequences append, anything else is replaced. */
export function mergeGeneric(
  shape: Shape | undefined,
  base: unknown,
  over: unknown,
  cx: MergeCx,
): unknown {
  if (base === null || base === undefined) return over;
  if (isObj(base) && isObj(over)) return mergeMapWith(base, over, cx, entryMerger(shape));
  if (Array.isArray(base) && Array.isArray(over)) return appendLists(base, over);
  if (isObj(base) || Array.isArray(base) || isObj(over) || Array.isArray(over)) {
    cx.diags.error(
      'merge-incompatible',
      `cannot merge ${cx.path.join('.')}: ${kind(over)} over ${kind(base)}`,
      cx.at,
      { hint: 'write the same kind of value in both files, or mark the override with `!override`' },
    );
  }
  return over;
}

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'a sequence';
  if (isObj(v)) return 'a mapping';
  return `a ${typeof v}`;
}

/** The merger of the entries of a mapping described by `shape`. */
export function entryMerger(shape: Shape | undefined): EntryMerger {
  return (key, b, o, cx) => mergeAt(shape?.keys?.[key] ?? shape?.each, b, o, cx);
}

export type EntryMerger = (key: string, base: unknown, over: unknown, cx: MergeCx) => unknown;

/**
 * Merge two mappings: keys of `base` first (in order), then new keys of `over`. A key that
 * `over` marks `!reset` is dropped; one marked `!override` is taken from `over` as is; a key on
 * both sides goes through `entry`. The result carries `over`'s directives, so a service resolved
 * by `extends` still resets keys of an earlier `-f` file, as in compose-go.
 */
export function mergeMapWith(base: Obj, over: Obj, cx: MergeCx, entry: EntryMerger): Obj {
  const out: Obj = {};
  const resets = new Set<PropertyKey>();
  for (const [k, d] of directiveKeys(over)) if (d === 'reset') resets.add(k);
  for (const k of Object.keys(base)) {
    if (resets.has(k)) continue;
    put(out, k, base[k]);
    copyLoc(base, k, out, k);
  }
  for (const k of Object.keys(over)) {
    const o = over[k];
    if (!Object.hasOwn(out, k) || getDirective(over, k) === 'override') {
      put(out, k, o);
      copyLoc(over, k, out, k);
      continue;
    }
    const b = out[k];
    cx.path.push(k);
    cx.at = getLoc(over, k);
    const m = entry(k, b, o, cx);
    cx.path.pop();
    put(out, k, m);
    if (m === o) copyLoc(over, k, out, k);
    else if (m !== b && m !== null && typeof m === 'object' && !getSelfLoc(m)) {
      const loc = getLoc(base, k) ?? getLoc(over, k);
      if (loc) setSelfLoc(m, loc);
    }
  }
  for (const [k, d] of directiveKeys(over)) setDirective(out, k, d);
  const self = getSelfLoc(base) ?? getSelfLoc(over);
  if (self) setSelfLoc(out, self);
  return out;
}

/** Sequences append: base items first, each keeping its position. */
export function appendLists(base: readonly unknown[], over: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < base.length; i++) {
    copyLoc(base, i, out, out.length);
    out.push(base[i]);
  }
  for (let i = 0; i < over.length; i++) {
    copyLoc(over, i, out, out.length);
    out.push(over[i]);
  }
  const self = getSelfLoc(base) ?? getSelfLoc(over);
  if (self) setSelfLoc(out, self);
  return out;
}

/** Assign without invoking the `__proto__` setter: a YAML key is data, never a prototype. */
export function put(o: Obj, k: string, v: unknown): void {
  if (k === '__proto__') {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  } else o[k] = v;
}
