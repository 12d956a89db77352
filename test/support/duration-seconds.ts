/**
 * Durations in seconds, so that 1.29's `90s` and nestc's `1m30s` compare equal.
 */

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/** A Compose duration (`1m30s`, `500ms`, a bare number of seconds) in seconds. */
export function seconds(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = String(v);
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
    end = re.lastIndex;
  }
  if (end !== s.length || s === '') throw new Error(`not a duration: ${s}`);
  return Math.round(total * 1e9) / 1e9;
}
