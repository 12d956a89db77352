import type { LoadOptions } from '../loader/context.js';
import { loadProject } from '../loader/load.js';
import { newLoadContext } from '../loader/new-context.js';
import { resolveProject, type ResolveResult } from './resolve.js';
import type { ResolveOptions } from './types.js';

/** What `compile` returns: the flat graph when nothing was wrong, and every diagnostic. */
export interface CompileResult extends ResolveResult {
  /** The Compose files the root project was read from. */
  files: string[];
  /** The root project's name. */
  projectName?: string;
}

/**
 * Load a nestfile and resolve it: the whole compiler, as `nestc compile` and `nestc graph` use
 * it. Both stages share one load context, so diagnostics of inner files get code frames too.
 */
export function compileProject(load: LoadOptions, options: ResolveOptions = {}): CompileResult {
  const ctx = newLoadContext();
  const loaded = loadProject(load, ctx);
  if (!loaded.project) {
    return { diagnostics: loaded.diagnostics, sources: loaded.sources, files: loaded.files };
  }
  const resolved = resolveProject(loaded.project, ctx, {
    ...options,
    profiles: loaded.profiles,
    env: loaded.env,
  });
  return { ...resolved, files: loaded.files, projectName: loaded.project.name };
}
