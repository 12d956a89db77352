import { valueAt, type Site } from './walk.js';

/** `expose`: numbers become strings (compose-go's `StringOrNumberList`); ranges stay as written. */
export function expose(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] === 'number') list[i] = String(list[i]); // same slot: position kept
  }
}
