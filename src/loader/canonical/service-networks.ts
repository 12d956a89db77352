import { moveLoc, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/** `services.*.networks`: a list of names becomes a mapping to `null` (no per-network options). */
export function serviceNetworks(site: Site): void {
  const v = valueAt(site);
  if (!Array.isArray(v)) return;
  const map: Record<string, null> = {};
  for (let i = 0; i < v.length; i++) {
    const name: unknown = v[i];
    if (typeof name !== 'string') continue;
    // moveLoc records what putKeyed would (the item's position on value and key) and more.
    map[name] = null;
    moveLoc(v, i, map, name);
  }
  replaceAt(site.parent, site.key, map);
}
