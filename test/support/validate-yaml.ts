import { Diagnostics, type Diagnostic } from '../../src/diag/diagnostic.js';
import { readYaml } from '../../src/loader/read-yaml.js';
import { validateSchema } from '../../src/schema/validate.js';

/** Lines of YAML joined into a file's text. */
export const y = (lines: string[]): string => lines.join('\n') + '\n';

/** YAML text through the reader (so positions exist) and the schema stage. */
export function validateYaml(text: string): { ok: boolean; diags: Diagnostic[] } {
  const diags = new Diagnostics();
  const { docs } = readYaml(text, 'compose.yaml', diags);
  if (diags.hasErrors() || docs.length !== 1) throw new Error('test YAML does not parse');
  const ok = validateSchema(docs[0] as object, 'compose.yaml', diags);
  return { ok, diags: diags.sorted() };
}
