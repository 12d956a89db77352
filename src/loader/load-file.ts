import type { SourceLoc } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { validateSchema } from '../schema/validate.js';
import { canonicalize } from './canonical/index.js';
import type { Env, LoadContext } from './context.js';
import { interpolate } from './interpolate.js';
import { mergeModels } from './merge.js';
import { readYaml } from './read-yaml.js';

/**
 * One Compose file through the per-file stages: read → interpolate → validate → canonical.
 * Returns undefined when the file has errors (already reported): later stages would only repeat
 * them in other words. Several YAML documents in one file merge in order, as in compose-go.
 */
export function loadFile(
  file: string,
  env: Env,
  ctx: LoadContext,
  from?: SourceLoc,
): RawModel | undefined {
  const docs = readFileDocs(file, ctx, from);
  return docs && buildModel(docs, file, env, ctx);
}

/** Read and parse a Compose file; undefined when it cannot be read or is not YAML. */
export function readFileDocs(
  file: string,
  ctx: LoadContext,
  from?: SourceLoc,
): unknown[] | undefined {
  const text = ctx.readText(file, from);
  if (text === undefined) return undefined;
  const before = ctx.diags.errorCount;
  const { docs } = readYaml(text, file, ctx.diags);
  return ctx.diags.errorCount > before ? undefined : docs;
}

/** The per-file stages after reading: interpolate, validate, canonical, documents merged. */
export function buildModel(
  docs: unknown[],
  file: string,
  env: Env,
  ctx: LoadContext,
): RawModel | undefined {
  const before = ctx.diags.errorCount;
  let model: RawModel | undefined;
  for (const doc of docs) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      ctx.diags.error('yaml-not-mapping', 'a Compose file must be a mapping at the top level', {
        file,
        line: 1,
        col: 1,
      });
      continue;
    }
    const raw = doc as RawModel;
    interpolate(raw, env, ctx.diags);
    if (ctx.diags.errorCount > before) continue;
    if (!validateSchema(raw, file, ctx.diags)) continue;
    canonicalize(raw, ctx.diags);
    model = model ? mergeModels(model, raw, ctx.diags) : raw;
  }
  return ctx.diags.errorCount > before ? undefined : model;
}
