import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';

/**
 * Names already reported as unset, per load. A load has one `Diagnostics`, and interpolation
 * runs once per file (and per `.env` file), so keying on it gives Compose's "one warning per
 * variable" without any state that outlives the load.
 */
const REPORTED = new WeakMap<Diagnostics, Set<string>>();

/** Warn that `name` is not set, unless this load already did. */
export function warnUnsetOnce(diags: Diagnostics, name: string, loc: SourceLoc | undefined): void {
  let seen = REPORTED.get(diags);
  if (!seen) {
    seen = new Set();
    REPORTED.set(diags, seen);
  }
  if (seen.has(name)) return;
  seen.add(name);
  diags.warn(
    'interpolate-unset',
    `the "${name}" variable is not set, defaulting to a blank string`,
    loc,
    { hint: `set ${name}, give a default with \${${name}:-default}, or write $$ for a literal $` },
  );
}
