import { getKeyLoc, getLoc } from '../../model/locations.js';
import { isMap, put } from './located.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * Top-level networks, volumes, configs and secrets: the legacy `external: {name: x}` becomes
 * `external: true` and `name: x` (compose-go warns, and rejects a different `name`).
 */
export function external(site: Site): void {
  const res = valueAt(site);
  if (!isMap(res) || !isMap(res.external)) return;
  const ext = res.external;
  const where = sitePath(site, 'external');
  const loc = getLoc(res, 'external');
  put(res, 'external', true, loc);
  if (!Object.hasOwn(ext, 'name')) return;
  const extName = ext.name;
  site.diags.warn(
    'external-name-deprecated',
    `${where}.name is deprecated`,
    getKeyLoc(ext, 'name') ?? loc,
    {
      hint: 'set name: and external: true instead',
    },
  );
  if (Object.hasOwn(res, 'name')) {
    if (res.name !== extName) {
      site.diags.error(
        'external-name-conflict',
        `${sitePath(site)}: name and external.name conflict; only use name`,
        getLoc(res, 'name') ?? loc,
      );
    }
    return;
  }
  put(res, 'name', extName, getLoc(ext, 'name'));
}
