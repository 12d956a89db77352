import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';

// STUB: replaced by the merge stage (compose-spec merge rules, !reset, !override).
export function mergeModels(base: RawModel, over: RawModel, diags: Diagnostics): RawModel {
  void diags;
  return { ...base, ...over };
}
