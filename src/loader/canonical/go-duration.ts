/**
 * Go durations as Compose reads them (xhit/go-str2duration: Go's `time.ParseDuration` plus `d`
 * and `w`) and writes them (`time.Duration.String()`), in exact nanoseconds.
 */

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
  ['d', 86_400_000_000_000n],
  ['w', 604_800_000_000_000n],
]);

const MAX = (1n << 63n) - 1n;

export type DurationResult = { ok: true; ns: bigint } | { ok: false; message: string };

/** `[-+]?([0-9]*(\.[0-9]*)?unit)+`, or `0`; no spaces, at most 2^63-1 ns. */
export function parseGoDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({ ok: false, message: why });
  let s = text;
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, ns: 0n };
  if (s === '') return bad('empty duration');
  let total = 0n;
  const re = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]*)/;
  while (s !== '') {
    const m = re.exec(s);
    const [all, int = '', frac, unit = ''] = m ?? [''];
    if (int === '' && (frac === undefined || frac === '')) return bad('expected a number');
    if (unit === '') return bad('missing unit');
    const mult = UNITS.get(unit);
    if (mult === undefined) return bad(`unknown unit "${unit}"`);
    let v = BigInt(int === '' ? '0' : int) * mult;
    if (frac) {
      // float64 arithmetic, as Go does for the fraction part
      const f = Number(frac.slice(0, 18));
      const scale = 10 ** Math.min(frac.length, 18);
      v += BigInt(Math.trunc(f * (Number(mult) / scale)));
    }
    total += v;
    if (total > MAX) return bad('out of range');
    s = s.slice(all.length);
  }
  return { ok: true, ns: neg ? -total : total };
}

/** Go's `time.Duration.String()`: `1m30s`, `1h0m0s`, `1.5s`, `500ms`, `0s`. */
export function formatGoDuration(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s';
    if (u < 1_000n) out = `${u}ns`;
    else if (u < 1_000_000n) out = `${frac(u, 3)}µs`;
    else out = `${frac(u, 6)}ms`;
  } else {
    out = `${frac(u % 60_000_000_000n, 9)}s`;
    u /= 60_000_000_000n; // minutes
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n; // hours
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;
}

/** `v / 10^prec` with the fraction's trailing zeros (and a bare point) dropped. */
function frac(v: bigint, prec: number): string {
  const scale = 10n ** BigInt(prec);
  const whole = v / scale;
  const rest = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '');
  return rest === '' ? `${whole}` : `${whole}.${rest}`;
}
