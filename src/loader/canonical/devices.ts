import { getLoc } from '../../model/locations.js';
import { put, replaceAt } from './located.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `services.*.devices`: `HOST[:CONTAINER[:PERMISSIONS]]` becomes `{source, target, permissions}`;
 * a missing container path is the host path and missing permissions are `rwm` (defaulted), as in
 * compose-go.
 */
export function devices(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  list.forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const loc = getLoc(list, i);
    const parts = entry.split(':');
    if (parts.length > 3) {
      site.diags.error(
        'device-invalid',
        `${sitePath(site, i)}: confusing device mapping "${entry}"`,
        loc,
        { hint: 'use the long syntax: {source, target, permissions}' },
      );
      return;
    }
    const [source = '', target = source, permissions] = parts;
    const d: Record<string, unknown> = {};
    put(d, 'source', source, loc);
    put(d, 'target', target, loc);
    put(d, 'permissions', permissions ?? 'rwm', permissions === undefined ? undefined : loc);
    replaceAt(list, i, d);
  });
}
