import type { ErrorObject } from 'ajv';
import type { CompiledSchema, SchemaNode } from './compiled-schema.js';
import { jsonType, typeAccepts } from './value-words.js';

/**
 * ajv reports a failed `anyOf`/`oneOf` as the errors of every branch plus "must match exactly
 * one schema": for a port written as a mapping, "must be a number", "must be a string" and the
 * one real mistake. Users need the one that applies to what they wrote, so each outermost
 * failed alternative is replaced by the errors of the branch whose type the value has, found by
 * validating the value against that branch alone (cheap: this runs only on invalid files).
 *
 * Invariants the schema keeps for this to be exact: a schema object holding `anyOf`/`oneOf` has
 * no other validation keywords, so every error at or below that node comes from its branches;
 * and branches differ by type, so `anyOf` (which stops at the first match, hence is faster)
 * means the same as `oneOf`.
 */
export function specificErrors(
  errors: readonly ErrorObject[],
  schema: CompiledSchema,
  depth = 0,
): ErrorObject[] {
  const alternatives = errors
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    // Outermost first; at one path the outer alternative is reported after its inner ones.
    .sort((a, b) => segmentCount(a.e) - segmentCount(b.e) || b.i - a.i);
  if (alternatives.length === 0) return [...errors];

  const covered: string[] = [];
  const replaced: ErrorObject[] = [];
  for (const { e } of alternatives) {
    if (covered.some((p) => isAtOrUnder(e.instancePath, p))) continue;
    covered.push(e.instancePath);
    const branch = branchErrors(e, schema);
    replaced.push(...(depth < 64 ? specificErrors(branch, schema, depth + 1) : branch));
  }
  const kept = errors.filter((e) => !covered.some((p) => isAtOrUnder(e.instancePath, p)));
  return [...kept, ...replaced];
}

/** The errors of the branch that fits the value best, with paths relative to the document. */
function branchErrors(alt: ErrorObject, schema: CompiledSchema): ErrorObject[] {
  const at = schema.pointerOf(alt.parentSchema as object);
  const branches = alt.schema as SchemaNode[];
  const passing: unknown = alt.params['passingSchemas'];
  if (at === undefined || !Array.isArray(branches) || Array.isArray(passing)) return [alt];

  const value = alt.data;
  const fitting = branches
    .map((b, i) => ({ i, types: typesOf(b, schema) }))
    .filter(({ types }) => types === undefined || types.some((t) => typeAccepts(t, value)));
  if (fitting.length === 0) {
    const expected = [...new Set(branches.flatMap((b) => typesOf(b, schema) ?? []))];
    return [{ ...alt, keyword: 'type', params: { type: expected }, schema: expected }];
  }

  let best: ErrorObject[] | undefined;
  for (const { i } of fitting) {
    const validate = schema.at(`${at}/${alt.keyword}/${i}`);
    if (validate(value)) continue;
    const errs = (validate.errors ?? []).map((e) => ({
      ...e,
      instancePath: alt.instancePath + e.instancePath,
    }));
    if (!best || errs.length < best.length) best = errs;
  }
  return best ?? [alt];
}

/** JSON types a sub-schema admits, or undefined when it admits any type. */
function typesOf(node: SchemaNode, schema: CompiledSchema): string[] | undefined {
  const n = schema.resolve(node);
  const type = n['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type as string[];
  const alts = (n['oneOf'] ?? n['anyOf']) as SchemaNode[] | undefined;
  if (alts) {
    const all = alts.map((a) => typesOf(a, schema));
    return all.some((t) => t === undefined) ? undefined : [...new Set(all.flat() as string[])];
  }
  if (Array.isArray(n['enum'])) return [...new Set((n['enum'] as unknown[]).map(jsonType))];
  return undefined;
}

function segmentCount(e: ErrorObject): number {
  return e.instancePath === '' ? 0 : e.instancePath.split('/').length;
}

function isAtOrUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}
