import { putFrom, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/** `healthcheck.test`: a string runs in the container's shell, so it is `["CMD-SHELL", string]`. */
export function healthcheckTest(site: Site): void {
  const v = valueAt(site);
  if (typeof v !== 'string') return;
  const list: string[] = [];
  putFrom(list, 0, 'CMD-SHELL', site.parent, site.key);
  putFrom(list, 1, v, site.parent, site.key);
  replaceAt(site.parent, site.key, list);
}
