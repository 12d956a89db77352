/**
 * What the config view prints of a model value, shared by the YAML and JSON writers so both
 * formats print the same data in the same order: keys with a value, sorted, and strings with
 * `$` escaped.
 */

/** Top-level keys in the order `docker compose config` prints them; `x-*` follow, sorted. */
const TOP_LEVEL_ORDER = ['name', 'services', 'networks', 'volumes', 'configs', 'secrets'];

/**
 * The keys of `obj` that the view prints, in print order: those whose value is not `undefined`,
 * sorted (the top level in spec order), except that integer-like keys (`"80"`, `"443"`) come
 * first in numeric order. That is the order JavaScript itself gives such keys in any object,
 * so it is the order the JSON view has always printed, and the YAML view follows it.
 */
export function orderedKeys(obj: Record<string, unknown>, top: boolean): string[] {
  const keys: string[] = [];
  let indexes = false;
  let sorted = true;
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue;
    // Models are often in order already; sorting only when not saves a third of a render.
    if (sorted && keys.length > 0 && keys[keys.length - 1]! > k) sorted = false;
    keys.push(k);
    // `<= 0x39`: a cheap test (digits and a few symbols) before the regular expression.
    if (!indexes && k.charCodeAt(0) <= 0x39 && isArrayIndex(k)) indexes = true;
  }
  // The default sort compares UTF-16 code units, as `compareKeys` does.
  if (top) keys.sort(compareTopLevel);
  else if (!sorted) keys.sort();
  if (!indexes) return keys;
  const first = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...first, ...keys.filter((k) => !isArrayIndex(k))];
}

/** A canonical array index (`0` to 2^32 - 2): the keys JavaScript orders numerically. */
function isArrayIndex(k: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295;
}

/**
 * The model holds values after interpolation; printed as a Compose file they would be
 * interpolated again, so every `$` is written `$$` (as both `docker compose config` and 1.29
 * print it). Keys are not interpolated by Compose and stay as they are.
 */
export function escapeDollars(s: string): string {
  return s.includes('$') ? s.replace(/\$/g, () => '$$') : s;
}

/**
 * A plain-data copy for `JSON.stringify`: keys in `orderedKeys` order, `undefined` dropped,
 * `$` escaped. A key named `__proto__` is data like any other (assigned, it would set the
 * copy's prototype and vanish from the output).
 */
export function toPlain(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  if (typeof value === 'string') return escapeDollars(value);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of orderedKeys(obj, top)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: toPlain(obj[k]), ...OWN });
    else out[k] = toPlain(obj[k]);
  }
  return out;
}

const OWN = { enumerable: true, writable: true, configurable: true };

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTopLevel(a: string, b: string): number {
  const rank = (k: string): number => {
    const i = TOP_LEVEL_ORDER.indexOf(k);
    return i >= 0 ? i : k.startsWith('x-') ? TOP_LEVEL_ORDER.length + 1 : TOP_LEVEL_ORDER.length;
  };
  return rank(a) - rank(b) || compareKeys(a, b);
}
