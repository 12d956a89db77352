import { getLoc, getSelfLoc, setSelfLoc } from '../../model/locations.js';
import { mapOf, type Obj } from './obj.js';

const KINDS = ['networks', 'volumes', 'configs', 'secrets'] as const;

/**
 * Every top-level network, volume, config and secret gets the engine name Compose gives it
 * (compose-go `setNameFromKey`): an explicit `name:` as written; an external one its key (it
 * already exists under that name); any other `<project>_<key>`. A declaration written with no
 * value (`db-data:`) becomes a mapping so it can hold the name. The old `external: {name: X}`
 * form becomes `name: X` with `external: true`.
 */
export function nameResources(model: Obj, project: string): void {
  for (const kind of KINDS) {
    const top = mapOf(model[kind]);
    if (!top) continue;
    for (const key of Object.keys(top)) {
      let r = mapOf(top[key]);
      if (!r) {
        r = {};
        top[key] = r;
        const at = getLoc(top, key);
        if (at && !getSelfLoc(r)) setSelfLoc(r, at);
      }
      const ext = mapOf(r.external);
      if (ext) {
        if (r.name == null && typeof ext.name === 'string') r.name = ext.name;
        r.external = true;
      }
      if (r.name == null) r.name = isTrue(r.external) ? key : `${project}_${key}`;
    }
  }
}

/** Go's `strconv.ParseBool` truth, which Compose applies to an interpolated `external`. */
export function isTrue(v: unknown): boolean {
  return (
    v === true || (typeof v === 'string' && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v))
  );
}
