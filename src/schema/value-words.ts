/**
 * Words for JSON types and values in messages. Users write YAML, so an array is "a list" and
 * an object "a mapping", and a list of expected types is always in one fixed order so the same
 * mistake always reads the same.
 */

const TYPE_ORDER = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null'];

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'a mapping',
  null: 'null',
};

/** The JSON Schema type of a parsed YAML value (`integer` only via `typeAccepts`). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether a value fits a JSON Schema type, counting any number as close to `integer`. */
export function typeAccepts(type: string, value: unknown): boolean {
  const t = jsonType(value);
  if (type === 'integer' || type === 'number') return t === 'number';
  return type === t;
}

/** "a string or a number", "a string, a list or null". */
export function expectedTypes(types: readonly string[]): string {
  const set = new Set(types);
  // `integer` is part of `number`; naming both would read as two different things.
  if (set.has('number')) set.delete('integer');
  const words = TYPE_ORDER.filter((t) => set.has(t)).map((t) => TYPE_WORDS[t] as string);
  return orList(words);
}

/** What the user wrote, briefly: `a list`, `a mapping`, `null`, `"abc"`, `1.5`, `true`. */
export function describeValue(value: unknown): string {
  const t = jsonType(value);
  if (t === 'array' || t === 'object') return TYPE_WORDS[t] as string;
  return quote(value);
}

/** A scalar as it would be written, strings in double quotes. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** "a", "a or b", "a, b or c". */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "a", "a and b", "a, b and c". */
export function andList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
