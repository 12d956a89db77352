import { getLoc } from '../../model/locations.js';
import { isMap, moveLoc, putKeyed, replaceAt } from './located.js';
import { sitePath, valueAt, type Site, type Transform } from './walk.js';

/**
 * `KEY=VAL` lists → mappings, the three ways compose-go reads them:
 *
 * - `nullable` (environment, build.args: `MappingWithEquals`): a bare `KEY` maps to `null`,
 *   meaning "take it from the environment at run time"; `KEY=` maps to `""`.
 * - `empty` (labels, annotations, sysctls: `Labels` / `Mapping`): a bare `KEY`, and a `null`
 *   value, map to `""`.
 *
 * Scalar values of the mapping form become strings (`PORT: 5432` → `"5432"`), as Compose passes
 * them to the engine. A key written twice in the list keeps the last value, as in Compose.
 */
export function keyValue(bare: 'nullable' | 'empty'): Transform {
  const missing = bare === 'nullable' ? null : '';
  return (site: Site) => {
    const v = valueAt(site);
    if (Array.isArray(v)) {
      const map: Record<string, string | null> = {};
      for (let i = 0; i < v.length; i++) {
        const s = scalarString(v[i]) ?? '';
        const eq = s.indexOf('=');
        const key = eq === -1 ? s : s.slice(0, eq);
        if (Object.hasOwn(map, key)) delete map[key]; // last one wins, in its own place
        // moveLoc records what putKeyed would (the item's position on value and key) and more.
        map[key] = eq === -1 ? missing : s.slice(eq + 1);
        moveLoc(v, i, map, key);
      }
      replaceAt(site.parent, site.key, map);
      return;
    }
    if (isMap(v)) {
      // Most values are strings already; for..in allocates no [key, value] pair per entry.
      // A value replaced in place keeps the position recorded for its key.
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        const e = v[k];
        if (typeof e === 'string') continue;
        if (e === null) {
          if (missing !== null) v[k] = missing;
        } else {
          const s = scalarString(e);
          if (s !== undefined) v[k] = s;
        }
      }
    }
  };
}

/** Go's `fmt.Sprint` of a YAML scalar; undefined for a container (the schema rejects those). */
export function scalarString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return '<nil>';
  return undefined;
}

/**
 * `build.additional_contexts`: a list of `name=value`; compose-go rejects an entry without `=`.
 */
export function strictKeyValue(site: Site): void {
  const v = valueAt(site);
  if (!Array.isArray(v)) return;
  const map: Record<string, string> = {};
  v.forEach((item, i) => {
    const s = scalarString(item) ?? '';
    const eq = s.indexOf('=');
    if (eq === -1) {
      site.diags.error(
        'key-value-invalid',
        `${sitePath(site, i)}: "${s}" is not name=value`,
        getLoc(v, i),
      );
      return;
    }
    putKeyed(map, s.slice(0, eq), s.slice(eq + 1), getLoc(v, i));
  });
  replaceAt(site.parent, site.key, map);
}
