import { getLoc } from '../../model/locations.js';
import { isMap, put, replaceAt } from './located.js';
import { stringToList } from './wrap.js';
import { valueAt, type Site } from './walk.js';

/**
 * Top-level `include`: a string item is `{path: [string]}`; in the object form `path` and
 * `env_file` are lists (compose-go's `StringList`). Paths are kept as written.
 */
export function include(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (typeof item === 'string') {
      const loc = getLoc(list, i);
      const paths: unknown[] = [];
      put(paths, 0, item, loc);
      const obj: Record<string, unknown> = {};
      put(obj, 'path', paths, loc);
      replaceAt(list, i, obj);
    } else if (isMap(item)) {
      for (const key of ['path', 'env_file']) {
        if (Object.hasOwn(item, key)) {
          stringToList({ ...site, parent: item, key, path: [...site.path, i, key] });
        }
      }
    }
  });
}
