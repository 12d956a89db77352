import type { Diagnostics } from '../diag/diagnostic.js';
import { locAt } from '../model/locations.js';
import { compiledSchema } from './compiled-schema.js';
import { describeError, type SchemaProblem } from './error-message.js';
import { fastValidate } from './fast-validator.js';
import { displayPath } from './instance-path.js';
import { specificErrors } from './specific-errors.js';
import { andList, quote } from './value-words.js';

/**
 * Stage "validate": one interpolated file against schemas/nestfile.schema.json, the Compose
 * model plus `x-nest`. Runs once per file, before short syntax is canonicalised, so messages
 * speak of what the user wrote. Every mistake of the file is reported, one diagnostic per
 * offending node, at the position of that node. Returns whether the file is valid.
 *
 * `file` is not needed for positions (the document's side tables carry them); it names the file
 * when a node has no recorded position, which happens only for documents built in code.
 *
 * A valid file is accepted by the fast validator alone; only an invalid one pays for compiling
 * the full schema, whose verbose errors the messages are made from.
 */
export function validateSchema(doc: object, file: string, diags: Diagnostics): boolean {
  if (fastValidate(doc)) return true;
  const schema = compiledSchema();
  if (schema.validate(doc)) return true;
  const problems = onePerNode(
    specificErrors(schema.validate.errors ?? [], schema).map((e) => describeError(e, doc, schema)),
  );
  for (const p of problems) {
    const loc = locAt(doc, p.pointAt, p.preferKey) ?? { file, line: 1, col: 1 };
    diags.error(p.code, p.summary, loc, p.hint ? { hint: p.hint } : undefined);
  }
  return problems.length === 0;
}

/**
 * ajv can say several things about one node (a type and a format, two missing keys); the user
 * needs the most basic one, once. Unknown keys are each their own node (the key), and the
 * missing keys of one mapping are merged into one message.
 */
function onePerNode(problems: SchemaProblem[]): SchemaProblem[] {
  const byNode = new Map<string, SchemaProblem>();
  const missing = new Map<string, string[]>();
  for (const p of problems) {
    // The node is what the diagnostic points at: a key token, or a value.
    const node = `${p.preferKey ? 'key' : 'value'} ${JSON.stringify(p.pointAt)}`;
    if (p.missingKey !== undefined) missing.set(node, [...(missing.get(node) ?? []), p.missingKey]);
    const seen = byNode.get(node);
    if (!seen || (p.code === 'schema-type' && seen.code !== 'schema-type')) byNode.set(node, p);
  }
  for (const [node, keys] of missing) {
    const p = byNode.get(node);
    if (p?.code === 'schema-required' && keys.length > 1) {
      const where = displayPath(p.path) || '(top level)';
      p.summary = `${where}: missing required keys ${andList(keys.map(quote))}`;
    }
  }
  return [...byNode.values()];
}
