import { putFrom, replaceAt } from './located.js';
import { valueAt, type Site, type Transform } from './walk.js';

/**
 * A string that stands for a one-field mapping: `build: .` is `{context: .}`, `extends: web` is
 * `{service: web}`, a service secret `db_pass` is `{source: db_pass}`. The field carries the
 * string's position. Defaults Compose adds later (a secret's target) are not this stage's.
 */
export function wrapString(field: string): Transform {
  return (site: Site) => {
    const v = valueAt(site);
    if (typeof v !== 'string') return;
    const obj: Record<string, unknown> = {};
    putFrom(obj, field, v, site.parent, site.key);
    replaceAt(site.parent, site.key, obj);
  };
}

/** The same for each string item of a list (`secrets: [a, b]`). */
export function wrapItems(field: string): Transform {
  const one = wrapString(field);
  return (site: Site) => {
    const v = valueAt(site);
    if (!Array.isArray(v)) return;
    for (let i = 0; i < v.length; i++) one({ ...site, parent: v, key: i, path: [...site.path, i] });
  };
}

/** A string where a list of strings is allowed (`tmpfs: /run`, `dns: 1.1.1.1`). */
export function stringToList(site: Site): void {
  const v = valueAt(site);
  if (typeof v !== 'string') return;
  const list: unknown[] = [];
  putFrom(list, 0, v, site.parent, site.key);
  replaceAt(site.parent, site.key, list);
}
