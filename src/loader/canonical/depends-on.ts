import { isMap, moveLoc, newKeyedMap, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/**
 * `depends_on`: a list of names becomes the mapping form; every entry gets
 * `condition: service_started` and `required: true` unless written, as compose-go fills them in.
 * `restart` is not filled in (Compose leaves it false). Filled-in fields carry no position: they
 * were defaulted, not written.
 */
export function dependsOn(site: Site): void {
  const v = valueAt(site);
  if (Array.isArray(v)) {
    const map = newKeyedMap<unknown>();
    for (let i = 0; i < v.length; i++) {
      const name: unknown = v[i];
      if (typeof name !== 'string') continue;
      // moveLoc records what putKeyed would (the item's position on value and key) and more.
      map[name] = { condition: 'service_started', required: true };
      moveLoc(v, i, map, name);
    }
    replaceAt(site.parent, site.key, map);
    return;
  }
  if (!isMap(v)) return;
  for (const dep of Object.values(v)) {
    if (!isMap(dep)) continue;
    if (!Object.hasOwn(dep, 'condition')) dep.condition = 'service_started';
    if (!Object.hasOwn(dep, 'required')) dep.required = true;
  }
}
