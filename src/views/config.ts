import type { Project } from '../model/compose.js';
import { lowerToV1 } from './compose-v1.js';
import { escapeDollars, orderedKeys, toPlain } from './plain.js';
import { emitYaml, type YamlShape } from './yaml-emit.js';

export { readsAsNonString } from './reads-as-non-string.js';

/**
 * The `config` view: the normalized project printed back as a Compose file.
 *
 * Two dialects, because no single text is read the same way by both tools that users check it
 * with (measured against docker-compose 1.29.2; see docs/compatibility.md):
 * - `compose-spec` (default): the compose-spec long syntax, as `docker compose config` (v2)
 *   prints it, top-level `name` included. Nothing is dropped, so the text means exactly the model.
 * - `compose-v1`: the same model lowered to what docker-compose 1.29 reads, without changing
 *   meaning: no top-level `name` (pass `-p` instead), defaults that 1.29 has no key for left
 *   out, and the few long forms it lacks written in the short syntax it does read. What 1.29
 *   cannot express at all is kept, so that 1.29 rejects it rather than silently changing it.
 */
export type ConfigDialect = 'compose-spec' | 'compose-v1';

export interface RenderConfigOptions {
  dialect?: ConfigDialect;
}

/** Sorted keys and `$`-escaped values, written straight from the model (no copy). */
const CONFIG_SHAPE: YamlShape = { keys: orderedKeys, text: escapeDollars };

/**
 * Render `project` as YAML or JSON. Deterministic: the same project gives byte-identical text
 * (keys sorted, never anchors), so the output can be diffed and committed. Both formats print
 * the same data in the same key order.
 */
export function renderConfig(
  project: Project,
  format: 'yaml' | 'json',
  opts: RenderConfigOptions = {},
): string {
  const model = opts.dialect === 'compose-v1' ? lowerToV1(project) : project;
  if (format === 'json') return `${JSON.stringify(toPlain(model, true), null, 2)}\n`;
  return emitYaml(model as unknown as Record<string, unknown>, CONFIG_SHAPE);
}
