/**
 * nestc's programmatic API. The CLI is a thin layer over these functions; everything it prints
 * is available here as data.
 */
import type { LoadOptions } from './loader/context.js';
import { loadProject, type LoadResult } from './loader/load.js';

export type { LoadOptions, Env } from './loader/context.js';
export type { LoadResult } from './loader/load.js';
export type { Diagnostic, SourceLoc, Severity } from './diag/diagnostic.js';
export type * from './model/compose.js';
export { loadProject } from './loader/load.js';
export { renderDiagnostic, diagnosticsToJson, formatLoc } from './diag/render.js';
export { renderConfig } from './views/config.js';
export { getLoc, getKeyLoc, isWritten, locAt } from './model/locations.js';

/**
 * Load a Compose file or nestfile as `docker compose` would: files, `.env`, interpolation,
 * validation, merging, extends, include, profiles and normalization. Never throws for problems
 * in the input: they are in `diagnostics`, and `project` is absent when any is an error.
 *
 * @example
 *   const { project, diagnostics } = await load({ files: ['compose.yaml'] });
 */
export async function load(options: LoadOptions = {}): Promise<LoadResult> {
  return loadProject(options);
}
