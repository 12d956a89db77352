import { getLoc } from '../../model/locations.js';
import { putKeyed, replaceAt } from './located.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `build.ssh`: a list of `id=path` becomes a mapping; a bare `default` maps to `null` (the
 * agent socket). compose-go rejects any other bare entry.
 */
export function buildSsh(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  const map: Record<string, string | null> = {};
  list.forEach((item, i) => {
    if (typeof item !== 'string') return;
    const loc = getLoc(list, i);
    const eq = item.indexOf('=');
    if (eq === -1 && item !== 'default') {
      site.diags.error(
        'key-value-invalid',
        `${sitePath(site, i)}: invalid ssh key "${item}"`,
        loc,
        { hint: 'write id=path, or default' },
      );
      return;
    }
    putKeyed(map, eq === -1 ? item : item.slice(0, eq), eq === -1 ? null : item.slice(eq + 1), loc);
  });
  replaceAt(site.parent, site.key, map);
}
