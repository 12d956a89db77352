import { getLoc } from '../../model/locations.js';
import { moveLoc, putKeyed, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/** `services.*.networks`: a list of names becomes a mapping to `null` (no per-network options). */
export function serviceNetworks(site: Site): void {
  const v = valueAt(site);
  if (!Array.isArray(v)) return;
  const map: Record<string, null> = {};
  v.forEach((name, i) => {
    if (typeof name !== 'string') return;
    putKeyed(map, name, null, getLoc(v, i));
    moveLoc(v, i, map, name);
  });
  replaceAt(site.parent, site.key, map);
}
