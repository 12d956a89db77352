import type { Volume } from '../../model/compose.js';
import type { Scope } from '../types.js';

/**
 * The flat key under which the root scope mounts the engine volume `name` that a
 * `--path-map ...=volume:NAME` entry names, declaring it when needed.
 *
 * The volume already exists (nestc's own container runs on it), so it is declared
 * `external: true` with an explicit `name:`: Compose must neither create it nor prefix it with
 * the project name, and `docker compose down -v` must not remove it. A root volume that already
 * is that engine volume (`external` with that key or `name:`, or `name: NAME`) is reused. The
 * key is the engine name; if the project already uses that key for another volume, `NAME_host`
 * (then `NAME_host2`, …) is used instead. Declared only when a path lands in it, so an unused
 * mapping adds nothing to the flat file.
 */
export function declarePathMapVolume(scope: Scope, name: string): string {
  for (const [inner, vol] of Object.entries(scope.volumes).sort(([a], [b]) => cmp(a, b))) {
    if (engineName(inner, vol) === name) return scope.keys.volumes.get(inner) ?? inner;
  }
  let key = name;
  for (let n = 1; key in scope.volumes || flatKeyTaken(scope, key); n++) {
    key = `${name}_host${n === 1 ? '' : n}`;
  }
  scope.volumes[key] = { name, external: true };
  scope.keys.volumes.set(key, key);
  return key;
}

/** The engine name of a root volume when it is fixed: `name:`, or the key of an external one. */
function engineName(key: string, vol: Volume | undefined): string | undefined {
  if (typeof vol?.name === 'string') return vol.name;
  return vol?.external === true ? key : undefined;
}

function flatKeyTaken(scope: Scope, key: string): boolean {
  for (const k of scope.keys.volumes.values()) if (k === key) return true;
  return false;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
