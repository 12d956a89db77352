import type { Diagnostics } from '../../diag/diagnostic.js';
import type { RawModel } from '../../model/compose.js';

// STUB: replaced by the canonical stage (short syntax → long syntax, in place, positions kept).
export function canonicalize(model: RawModel, diags: Diagnostics): void {
  void model;
  void diags;
}
