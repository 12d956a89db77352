/** A JSON body of the Engine API (PascalCase keys, as the engine names them). */
export type Body = Record<string, unknown>;

/**
 * Set `body[key]` unless `value` is undefined: a body carries only what the nestfile says, so the
 * engine applies its own defaults exactly as it does for `docker compose` (which sends Go zero
 * values that the engine reads as "unset").
 */
export function put(body: Body, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

/** A list of strings from a list written with numbers or strings (`group_add: [998]`). */
export function stringList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((x) => x !== null && x !== undefined).map(String);
}

/** A string map from a mapping whose values may be numbers (`sysctls`, `logging.options`). */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = String(x);
  return out;
}

/** `x-*` keys are extensions: Compose ignores them everywhere, and so does nestc. */
export function isExtension(key: string): boolean {
  return key.startsWith('x-');
}
