import { getLoc } from '../../model/locations.js';
import { put, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/** `healthcheck.test`: a string runs in the container's shell, so it is `["CMD-SHELL", string]`. */
export function healthcheckTest(site: Site): void {
  const v = valueAt(site);
  if (typeof v !== 'string') return;
  const loc = getLoc(site.parent, site.key);
  const list: string[] = [];
  put(list, 0, 'CMD-SHELL', loc);
  put(list, 1, v, loc);
  replaceAt(site.parent, site.key, list);
}
