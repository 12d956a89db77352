import { parseGoDuration } from '../../loader/canonical/go-duration.js';

/** A parsed value, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
};

/**
 * A size in bytes as Compose reads `shm_size`, `mem_limit`, `tmpfs.size` and the like (compose-go
 * `UnitBytes`, docker/go-units `RAMInBytes`): a number is bytes; a string is a number with an
 * optional binary unit, `b`, `k`, `m`, `g`, `t`, `p`, case-insensitive, optionally followed by
 * `i` and/or `b` (`64m`, `1.5GiB`, `512kb` are all powers of 1024).
 */
export function parseBytes(v: unknown): Parsed<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: Math.trunc(v) };
  if (typeof v !== 'string') return { ok: false, message: `${describe(v)} is not a size` };
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(v.trim());
  if (!m) return { ok: false, message: `"${v}" is not a size (write e.g. 64m, 1g or 1048576)` };
  const unit = SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? 1;
  return { ok: true, value: Math.trunc(Number(m[1]) * unit) };
}

/** An integer written as a number or a numeric string (interpolated values are strings). */
export function parseInteger(v: unknown): Parsed<number> {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n === 'number' && Number.isInteger(n)) return { ok: true, value: n };
  return { ok: false, message: `${describe(v)} is not an integer` };
}

/** A decimal number written as a number or a numeric string (`cpus: "0.5"`). */
export function parseDecimal(v: unknown): Parsed<number> {
  const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
  if (typeof n === 'number' && Number.isFinite(n)) return { ok: true, value: n };
  return { ok: false, message: `${describe(v)} is not a number` };
}

/**
 * A duration in nanoseconds, as the Engine API takes healthcheck timings. The loader already
 * wrote durations in Go's spelling; a bare number counts as seconds, as compose-go reads it.
 */
export function parseDurationNs(v: unknown): Parsed<number> {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v * 1e9 };
  if (typeof v !== 'string') return { ok: false, message: `${describe(v)} is not a duration` };
  const r = parseGoDuration(v);
  if (!r.ok) return { ok: false, message: `"${v}" is not a duration (${r.message})` };
  return { ok: true, value: Number(r.ns) };
}

/**
 * `cpu_rt_runtime` / `cpu_rt_period`: microseconds, written as an integer or as a duration
 * (compose-spec).
 */
export function parseMicroseconds(v: unknown): Parsed<number> {
  const asInt = parseInteger(v);
  if (asInt.ok) return asInt;
  const d = parseDurationNs(v);
  return d.ok ? { ok: true, value: Math.trunc(d.value / 1000) } : d;
}

function describe(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
}
