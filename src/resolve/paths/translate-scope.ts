import type { ResolveContext, Scope } from '../types.js';

/**
 * The paths stage for the services of one scope (its parent already translated): bind sources,
 * build context and dockerfile, env_file (already folded), config and secret files become host
 * paths, or named volumes (`nocopy` / `subpath`) of the parent; located errors otherwise.
 */
export function translateScopePaths(_scope: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
