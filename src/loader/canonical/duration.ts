import { getLoc } from '../../model/locations.js';
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * Durations (`stop_grace_period`, healthcheck and deploy timings) in Go's canonical spelling, so
 * `90s` and `1m30s` compare equal after merging and print as `docker compose config` does.
 */
export function duration(site: Site): void {
  const v = valueAt(site);
  if (v === null || v === undefined || typeof v === 'object') return;
  const text = typeof v === 'string' ? v : String(v);
  const parsed = parseCached(text);
  if (!parsed.ok) {
    site.diags.error(
      'duration-invalid',
      `${sitePath(site)}: "${text}" is not a duration (${parsed.message})`,
      getLoc(site.parent, site.key),
      { hint: 'write e.g. 10s, 1m30s, 500ms or 1.5h: a number with a unit, no spaces' },
    );
    return;
  }
  // Most files already write the canonical spelling (`10s`): then the value stays. Either way
  // the position recorded for the slot stays.
  if (parsed.text !== v) (site.parent as Record<string | number, unknown>)[site.key] = parsed.text;
}

type Parsed = { ok: true; text: string } | { ok: false; message: string };

/** Files repeat the same few durations (`10s`) thousands of times; parse each spelling once. */
const CACHE = new Map<string, Parsed>();

function parseCached(text: string): Parsed {
  let hit = CACHE.get(text);
  if (hit) return hit;
  const r = parseGoDuration(text);
  hit = r.ok ? { ok: true, text: formatGoDuration(r.ns) } : r;
  if (CACHE.size >= 4096) CACHE.clear();
  CACHE.set(text, hit);
  return hit;
}
