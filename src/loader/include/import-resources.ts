import type { Diagnostics } from '../../diag/diagnostic.js';
import type { RawModel } from '../../model/compose.js';
import { copyLoc, getKeyLoc, getLoc, setLoc } from '../../model/locations.js';
import { put } from '../merge/engine.js';

type Obj = Record<string, unknown>;

const KINDS = [
  ['services', 'service'],
  ['networks', 'network'],
  ['volumes', 'volume'],
  ['configs', 'config'],
  ['secrets', 'secret'],
] as const;

/**
 * Copy the resources of an included project into the including model. A name defined on both
 * sides is an `include-conflict`, unless both definitions are identical (the same file reached
 * through two include paths), which compose-go accepts. Resources are not merged: `include` is
 * for composing independent projects, and a silent merge would hide a clash of names.
 */
export function importResources(
  model: RawModel,
  included: RawModel,
  includedFiles: readonly string[],
  diags: Diagnostics,
): void {
  for (const [key, noun] of KINDS) {
    const from = included[key];
    if (!isObj(from)) continue;
    let to = model[key];
    if (!isObj(to)) {
      to = {};
      model[key] = to;
      const loc = getLoc(included, key);
      if (loc) setLoc(model, key, loc);
    }
    const target = to as Obj;
    for (const name of Object.keys(from)) {
      if (!Object.hasOwn(target, name)) {
        put(target, name, from[name]);
        copyLoc(from, name, target, name);
        continue;
      }
      if (deepEqual(target[name], from[name])) continue;
      const mine = getKeyLoc(target, name);
      const theirs = getKeyLoc(from, name);
      const where = mine?.file ? ` in ${mine.file}` : '';
      const inc = theirs?.file ?? includedFiles.join(', ');
      diags.error(
        'include-conflict',
        `${noun} "${name}" is defined both${where} and in the included ${inc}`,
        theirs,
        {
          related: [
            { message: `${noun} "${name}" is also defined here`, ...(mine ? { loc: mine } : {}) },
          ],
          hint: 'rename one of them; to change an included resource, add an override file to the include entry',
        },
      );
    }
  }
}

/** Structural equality of plain data (key order does not matter; sequence order does). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a);
  const ob = b as Obj;
  if (ka.length !== Object.keys(ob).length) return false;
  return ka.every((k) => Object.hasOwn(ob, k) && deepEqual((a as Obj)[k], ob[k]));
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
