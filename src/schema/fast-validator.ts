import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options } from 'ajv';
import { lazyAjv } from './lazy-ajv.js';
import { readSchemaText, schemaDigest } from './schema-file.js';

/**
 * A yes/no answer to "does this file match the schema?", with no compile at run time: most
 * files are valid, and for them the rich validator of compiled-schema.ts (about 200 ms to
 * compile) is pure start-up cost for a CLI.
 *
 * Where the generated code lives, and why: `npm run build` writes it into `dist/schema/` with
 * scripts/gen-schema-validator.mjs, beside the compiled JavaScript, so `npm pack` (whose
 * `prepack` builds) and the published package always carry code generated from the schema they
 * ship, and nothing generated is committed (it would need lint and prettier exceptions and a
 * staleness test). When the file is missing (vitest on `src/`, or `tsc` run alone) or was
 * generated from another version of the schema, the same options are compiled here instead:
 * slower, never wrong.
 */
export function fastValidate(doc: object): boolean {
  loaded ??= load();
  return loaded.check(doc);
}

/**
 * Options of the fast validator. It must accept exactly what the full one accepts: the
 * keywords, `strict` and `allowUnionTypes` are the same, and the rest only shape errors
 * (stop at the first, no schema objects, no messages) or the code (refs inlined).
 */
export const FAST_OPTIONS = {
  allErrors: false,
  verbose: false,
  messages: false,
  strict: true,
  allowUnionTypes: true,
} as const satisfies Options;

/** The generated module's name, in the folder of this module once built (`dist/schema/`). */
export const GENERATED_VALIDATOR = 'nestfile-validator.cjs';

/** Where this process's fast validator came from; for tests and the load benchmark. */
export function fastValidatorOrigin(): 'generated' | 'compiled' {
  loaded ??= load();
  return loaded.origin;
}

/** The shape of the generated CommonJS module: ajv's standalone function plus a digest. */
interface GeneratedValidator {
  (doc: unknown): boolean;
  readonly schemaDigest?: string;
}

interface Loaded {
  readonly check: (doc: unknown) => boolean;
  readonly origin: 'generated' | 'compiled';
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const text = readSchemaText();
  // `../schema/` rather than `./`: the same path from dist/schema/ and from the CLI bundle in
  // dist/bin/ (scripts/bundle-cli.mjs), which is one folder deep too.
  const file = new URL(`../schema/${GENERATED_VALIDATOR}`, import.meta.url);
  if (existsSync(file)) {
    // CommonJS through createRequire keeps the load synchronous, as validateSchema is.
    const generated = createRequire(import.meta.url)(fileURLToPath(file)) as GeneratedValidator;
    if (generated.schemaDigest === schemaDigest(text)) {
      return { check: generated, origin: 'generated' };
    }
  }
  const Ajv = lazyAjv();
  const check = new Ajv(FAST_OPTIONS).compile(JSON.parse(text) as object);
  return { check: (doc) => check(doc), origin: 'compiled' };
}
