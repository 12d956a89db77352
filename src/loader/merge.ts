import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { mergeAt, type MergeCx } from './merge/engine.js';
import { PROJECT, SERVICE } from './merge/shapes.js';

/**
 * Merge an overriding Compose model onto a base one by the compose-spec merge rules, as
 * compose-go does for `-f a.yml -f b.yml` and for several documents in one file: mappings merge,
 * sequences append, commands are replaced, ports/volumes/secrets/configs are unique by key, and
 * `!reset` / `!override` written in `over` remove or replace a value. Inputs are consumed: reuse
 * neither afterwards. Linear in the size of the two models.
 */
export function mergeModels(base: RawModel, over: RawModel, diags: Diagnostics): RawModel {
  return mergeAt(PROJECT, base, over, cx(diags, [])) as RawModel;
}

/**
 * Merge one service over another by the same rules (what `extends` does, with the extending
 * service as `over`). `name` is for messages only.
 */
export function mergeService(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
  name: string,
  diags: Diagnostics,
): Record<string, unknown> {
  return mergeAt(SERVICE, base, over, cx(diags, ['services', name])) as Record<string, unknown>;
}

function cx(diags: Diagnostics, path: string[]): MergeCx {
  return { diags, path, at: undefined };
}
