import type { Diagnostic } from '../diag/diagnostic.js';
import { SourceStore } from '../diag/source-store.js';
import type { Project, RawModel } from '../model/compose.js';
import { checkReferences } from './check-references.js';
import type { Env, LoadOptions } from './context.js';
import { applyExtends } from './extends.js';
import { applyInclude } from './include.js';
import { buildModel, readFileDocs } from './load-file.js';
import { mergeModels } from './merge.js';
import { newLoadContext } from './new-context.js';
import { normalizeProject } from './normalize.js';
import { resolvePaths } from './paths.js';
import { applyProfiles } from './profiles.js';
import { projectName } from './project-name.js';
import { envWithProjectName } from './project-name-env.js';
import { resolveSetup } from './project-setup.js';

/** What a load returns: the project when there was no error, and every diagnostic either way. */
export interface LoadResult {
  project?: Project;
  diagnostics: Diagnostic[];
  /** Texts of every file read, for code frames. */
  sources: SourceStore;
  /** The Compose files that made the project, in merge order. */
  files: string[];
  /** The active profiles (the resolver applies the same set to every scope). */
  profiles: string[];
  /** The variables the files were interpolated with (process environment over `.env`). */
  env: Env;
}

/**
 * The loader pipeline, and the only place that knows the order of its stages (compose-go's
 * `loader.Load`): setup (files, env, profiles) → read every file → project name offered to
 * interpolation → per file (interpolate, validate, canonical, extends) → merge of `-f` files →
 * include → paths → profiles → name → normalize → references.
 */
export function loadProject(opts: LoadOptions = {}, ctx = newLoadContext()): LoadResult {
  const { diags, sources } = ctx;
  const done = (project?: Project): LoadResult => ({
    ...(project && !diags.hasErrors() ? { project } : {}),
    diagnostics: diags.sorted(),
    sources,
    files: setup?.files ?? [],
    profiles: setup ? [...setup.profiles] : [],
    env: interpolated.env ?? setup?.env ?? {},
  });

  // The variables once the project name is known; callers (the resolver) need them too.
  const interpolated: { env?: Env } = {};
  const setup = resolveSetup(opts, ctx);
  if (!setup) return done();

  const read = setup.files.map((file) => ({ file, docs: readFileDocs(file, ctx) }));
  // Compose offers the project name to interpolation as COMPOSE_PROJECT_NAME, so the name is
  // settled from the raw files before any of them is interpolated.
  const env = (interpolated.env = envWithProjectName(
    setup,
    read.flatMap((r) => r.docs ?? []),
  ));
  const scoped = { ...setup, env };

  let merged: RawModel | undefined;
  for (const { file, docs } of read) {
    const model = docs && buildModel(docs, file, env, ctx);
    if (!model) continue;
    applyExtends(model, file, env, ctx);
    merged = merged ? mergeModels(merged, model, diags) : model;
  }
  if (!merged || diags.hasErrors()) return done();

  applyInclude(merged, scoped, ctx);
  resolvePaths(merged, setup.projectDir, env, diags);
  if (diags.hasErrors()) return done();

  // Nest paths of the services the active profiles disabled; the top-level ones matter to the
  // reference checks (a `required: false` dependency may name one of them).
  const disabled = applyProfiles(merged, setup.profiles, diags);
  const name = projectName(setup, merged, diags);
  if (diags.hasErrors() || name === undefined) return done();

  const project = normalizeProject(
    merged,
    { name, projectDir: setup.projectDir, env, readText: ctx.readText },
    diags,
  );
  checkReferences(project, diags, { disabled: new Set(disabled.filter((p) => !p.includes('/'))) });
  return done(project);
}
