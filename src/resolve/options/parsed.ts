/**
 * A parsed flag value, or the one-line reason it is not one. Flag parsers return this instead
 * of throwing, so the same parser serves the CLI (a usage error) and the API (a result).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
