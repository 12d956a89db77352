import { Diagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { SourceStore } from '../diag/source-store.js';
import type { Project, RawModel } from '../model/compose.js';
import { checkReferences } from './check-references.js';
import type { LoadContext, LoadOptions } from './context.js';
import { applyExtends } from './extends.js';
import { applyInclude } from './include.js';
import { loadFile } from './load-file.js';
import { mergeModels } from './merge.js';
import { normalizeProject } from './normalize.js';
import { resolvePaths } from './paths.js';
import { applyProfiles } from './profiles.js';
import { projectName } from './project-name.js';
import { resolveSetup } from './project-setup.js';
import { readText } from './read-text.js';

/** What a load returns: the project when there was no error, and every diagnostic either way. */
export interface LoadResult {
  project?: Project;
  diagnostics: Diagnostic[];
  /** Texts of every file read, for code frames. */
  sources: SourceStore;
  /** The Compose files that made the project, in merge order. */
  files: string[];
}

/**
 * The loader pipeline, and the only place that knows the order of its stages (compose-go's
 * `loader.Load`): setup → per file (read, interpolate, validate, canonical, extends, paths) →
 * merge → include → profiles → name → normalize → references.
 */
export function loadProject(opts: LoadOptions = {}): LoadResult {
  const diags = new Diagnostics();
  const sources = new SourceStore();
  const ctx: LoadContext = {
    diags,
    sources,
    readText: (file, from) => readText(file, diags, sources, from),
  };
  const done = (project?: Project): LoadResult => ({
    ...(project && !diags.hasErrors() ? { project } : {}),
    diagnostics: diags.sorted(),
    sources,
    files: setup?.files ?? [],
  });

  const setup = resolveSetup(opts, ctx);
  if (!setup) return done();

  let merged: RawModel | undefined;
  for (const file of setup.files) {
    const model = loadFile(file, setup.env, ctx);
    if (!model) continue;
    applyExtends(model, file, setup.env, ctx);
    merged = merged ? mergeModels(merged, model, diags) : model;
  }
  if (!merged || diags.hasErrors()) return done();

  applyInclude(merged, setup, ctx);
  resolvePaths(merged, setup.projectDir, setup.env, diags);
  if (diags.hasErrors()) return done();

  // Nest paths of the services the active profiles disabled; the top-level ones matter to the
  // reference checks (a `required: false` dependency may name one of them).
  const disabled = applyProfiles(merged, setup.profiles, diags);
  const name = projectName(setup, merged, diags);
  if (diags.hasErrors() || name === undefined) return done();

  const project = normalizeProject(
    merged,
    { name, projectDir: setup.projectDir, env: setup.env, readText: ctx.readText },
    diags,
  );
  checkReferences(project, diags, { disabled: new Set(disabled.filter((p) => !p.includes('/'))) });
  return done(project);
}
