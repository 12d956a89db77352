import { isMap, putFrom, replaceAt } from './located.js';
import { valueAt, type Site } from './walk.js';

/**
 * `env_file`: a string or a list of strings and `{path, required, format}` objects becomes a
 * list of objects; `required: true` is filled in (defaulted, no position) as compose-go does.
 * The path is kept as written; a later stage resolves it.
 */
export function envFile(site: Site): void {
  let list = valueAt(site);
  if (typeof list === 'string') {
    const wrapped: unknown[] = [];
    putFrom(wrapped, 0, list, site.parent, site.key);
    replaceAt(site.parent, site.key, wrapped);
    list = wrapped;
  }
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (typeof item === 'string') {
      const ref: Record<string, unknown> = {};
      putFrom(ref, 'path', item, list, i);
      ref.required = true;
      replaceAt(list, i, ref);
    } else if (isMap(item) && !Object.hasOwn(item, 'required')) {
      item.required = true;
    }
  });
}
