/** A plain mapping of the model, as the stages see it before it is typed. */
export type Obj = Record<string, unknown>;

/**
 * The value as a mapping, or undefined. Stages after validation still meet `null` (a key
 * written with no value, `networks: {default: }`) and must treat it as "nothing set".
 */
export function mapOf(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** Entries of a mapping that may be absent or `null`. */
export function entriesOf(v: unknown): [string, unknown][] {
  const m = mapOf(v);
  return m ? Object.entries(m) : [];
}
