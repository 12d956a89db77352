/** A plain mapping of the model, as the stages see it before it is typed. */
export type Obj = Record<string, unknown>;

/*
 * Loops over a mapping that may be large (`services` of a generated file) go through
 * `Object.keys` and look each value up: V8 keeps an object of more than about a thousand keys in
 * dictionary mode, where `Object.entries` and `Object.values` cost five to ten times as much as
 * that (about 15 ms for 10,000 services, in each of the stages that walk them).
 */

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
