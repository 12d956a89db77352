import type { Parsed } from './parsed.js';

/** Lowest and highest port a host can bind; 0 would mean "any", which is not a range. */
const MIN_PORT = 1;
const MAX_PORT = 65535;

/**
 * `--port-range A-B`: the allocation range for ports that move (rule 5). Both ends are
 * inclusive, `1 ≤ A ≤ B ≤ 65535`; a single port `A-A` is allowed (one free port is enough for
 * a graph with one conflict). Only plain decimal digits: `0x50` or `8e3` are mistakes, not ports.
 */
export function parsePortRange(text: string): Parsed<{ from: number; to: number }> {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  if (!m)
    return {
      ok: false,
      message: `"${text}" is not a port range: write it as A-B, e.g. 20000-29999`,
    };
  const from = Number(m[1]);
  const to = Number(m[2]);
  for (const p of [from, to]) {
    if (p < MIN_PORT || p > MAX_PORT) {
      return { ok: false, message: `port ${p} in "${text}" is outside ${MIN_PORT}-${MAX_PORT}` };
    }
  }
  if (from > to) {
    return { ok: false, message: `"${text}" starts after it ends: write the lower port first` };
  }
  return { ok: true, value: { from, to } };
}
