import type { ValidateFunction } from 'ajv';
import { lazyAjv } from './lazy-ajv.js';
import { readSchemaText } from './schema-file.js';

/**
 * The nestfile schema compiled for diagnostics, once per process and only when first needed:
 * compiling costs about 200 ms. A valid file never needs it (validate.ts asks the fast validator
 * first), so only a file with schema errors, and the commands that report them, pay it.
 */
export interface CompiledSchema {
  /** Validates a whole file. */
  readonly validate: ValidateFunction;
  /** Validator of the sub-schema at a JSON pointer (`/definitions/port`); compiled on demand. */
  at(pointer: string): ValidateFunction;
  /** JSON pointer of a sub-schema object, found by identity (ajv errors carry the objects). */
  pointerOf(node: object): string | undefined;
  /** A sub-schema with its `$ref` (if any) followed, to see the type it admits. */
  resolve(node: SchemaNode): SchemaNode;
}

/** A schema object as written in the JSON file. */
export type SchemaNode = { readonly [keyword: string]: unknown };

let cached: CompiledSchema | undefined;
let compiles = 0;

/** The compiled schema; the first call reads and compiles it. */
export function compiledSchema(): CompiledSchema {
  if (!cached) {
    compiles++;
    cached = compile(JSON.parse(readSchemaText()) as SchemaNode);
  }
  return cached;
}

/**
 * How many times this process compiled the full schema (0 or 1): lets tests check that a valid
 * file is accepted without it, which is the point of the fast validator.
 */
export function fullCompileCount(): number {
  return compiles;
}

function compile(root: SchemaNode): CompiledSchema {
  // allErrors: every mistake of a file in one run. verbose: errors carry the schema objects,
  // which is how messages recognise a definition (ports, x-nest.socket) by identity rather
  // than by ajv's schemaPath strings. inlineRefs off: one function per definition halves the
  // compile time and the first (unoptimised) run over a large file, for no measurable loss after.
  const Ajv = lazyAjv();
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    inlineRefs: false,
  });
  const validate = ajv.compile(root);
  const id = String(root['$id']);
  const pointers = indexPointers(root);
  const byPointer = new Map<string, ValidateFunction>();
  return {
    validate,
    at(pointer) {
      let v = byPointer.get(pointer);
      if (!v) {
        v = ajv.getSchema(`${id}#${pointer}`);
        if (!v) throw new Error(`nestc bug: no sub-schema at ${pointer}`);
        byPointer.set(pointer, v);
      }
      return v;
    },
    pointerOf: (node) => pointers.get(node),
    resolve(node) {
      let cur = node;
      for (let hops = 0; typeof cur['$ref'] === 'string' && hops < 16; hops++) {
        cur = lookup(root, (cur['$ref'] as string).replace(/^#/, ''));
      }
      return cur;
    },
  };
}

/** Every object and array of the schema, keyed by identity, with its JSON pointer. */
function indexPointers(root: SchemaNode): Map<object, string> {
  const out = new Map<object, string>();
  const walk = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || out.has(node)) return;
    out.set(node, pointer);
    for (const [k, v] of Object.entries(node)) walk(v, `${pointer}/${escapePointer(k)}`);
  };
  walk(root, '');
  return out;
}

function lookup(root: SchemaNode, pointer: string): SchemaNode {
  let cur: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    cur = (cur as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (cur === null || typeof cur !== 'object') throw new Error(`nestc bug: bad $ref ${pointer}`);
  return cur as SchemaNode;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
