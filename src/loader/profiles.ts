import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';

// STUB: replaced by the profiles stage. `targets`: services named on the command line
// (`nestc up web`), which enable their own profiles as the compose-spec says.
export function applyProfiles(
  model: RawModel,
  profiles: string[],
  diags: Diagnostics,
  targets: string[] = [],
): void {
  void model;
  void targets;
  void profiles;
  void diags;
}
