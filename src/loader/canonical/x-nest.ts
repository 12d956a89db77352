import { isMap } from './located.js';
import { valueAt, type Site } from './walk.js';

/**
 * `services.*.x-nest`: its `services`, `networks`, `volumes`, `configs` and `secrets` form an
 * inner project, canonicalized exactly like the top level, at any depth, before the files merge
 * (the merge rules apply to inner services too).
 */
export function xNest(site: Site): void {
  const block = valueAt(site);
  if (isMap(block)) site.recurse(block, site.path);
}
