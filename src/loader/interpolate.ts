import type { Diagnostics } from '../diag/diagnostic.js';
import type { Env } from './context.js';

// STUB: replaced by the interpolation stage. Replaces `${VAR}` forms in place in every string value.
export function interpolate(doc: object, env: Env, diags: Diagnostics): void {
  void doc;
  void env;
  void diags;
}
