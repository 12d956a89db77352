import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Where schemas/nestfile.schema.json is, read from disk rather than imported so that the same
 * relative path works from `src/schema/` under vitest and from `dist/schema/` in the package
 * (`schemas/` ships beside both).
 */
export const SCHEMA_URL = new URL('../../schemas/nestfile.schema.json', import.meta.url);

/** The schema's text, exactly as shipped: what both validators are built from. */
export function readSchemaText(): string {
  return readFileSync(SCHEMA_URL, 'utf8');
}

/**
 * A short digest of the schema text. The generated fast validator records the digest of the
 * schema it was generated from, so a `dist/` rebuilt without regenerating it (after a schema
 * edit) is detected and not trusted.
 */
export function schemaDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
