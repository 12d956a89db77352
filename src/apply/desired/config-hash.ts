import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys in sorted order and `undefined` members left out: the same data
 * always gives the same text, whatever order a file or a mapper wrote its keys in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortDeep(v)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortDeep(v);
  }
  return out;
}

/**
 * The config hash of an object nestc creates: sha256 (hex) of the canonical JSON of what the
 * engine gets for it. Stored in the object's `io.nestc.config-hash` label, it is how the
 * reconciler tells "unchanged" from "replace" without comparing engine-normalized inspect output
 * (which adds defaults and reorders). Callers pass only what matters: never `depends_on` or the
 * replica count, so scaling or reordering dependencies touches nothing.
 */
export function configHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
