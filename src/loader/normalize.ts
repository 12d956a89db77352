import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import { SourceStore } from '../diag/source-store.js';
import type { Project, RawModel } from '../model/compose.js';
import { copyLocations } from '../model/locations.js';
import type { Env } from './context.js';
import { addDefaultNetwork } from './normalize/default-network.js';
import { resolveEnvironment } from './normalize/environment.js';
import { mapOf } from './normalize/obj.js';
import { nameResources } from './normalize/resource-names.js';
import { reconcileScale } from './normalize/scale.js';
import { applyServiceDefaults } from './normalize/service-defaults.js';
import { readText } from './read-text.js';

export interface NormalizeOptions {
  name: string;
  projectDir: string;
  env: Env;
  /**
   * How env files are read: the loader passes its context's reader so the texts are kept for
   * code frames. Without it files are read directly (diagnostics still go to `diags`).
   */
  readText?: (path: string, from?: SourceLoc) => string | undefined;
  /** Whether a file exists (default `fs.existsSync`); a missing optional env file is skipped. */
  fileExists?: (path: string) => boolean;
}

/**
 * The normalize stage: the project as `docker compose config` (v2) prints it, so nestc's output
 * means the same to Compose: the project name, defaults Compose injects, env files folded into
 * `environment`, implied dependencies, the implicit `default` network, and engine names of
 * networks, volumes, configs and secrets. docs/normalization.md lists each rule.
 *
 * Works in place on the merged model (positions stay valid) and returns it with `name` first.
 * Everything under `x-nest` is left as written: the resolver normalizes inner projects.
 */
export function normalizeProject(
  model: RawModel,
  opts: NormalizeOptions,
  diags: Diagnostics,
): Project {
  const sources = new SourceStore();
  const io = {
    readText:
      opts.readText ?? ((file: string, from?: SourceLoc) => readText(file, diags, sources, from)),
    ...(opts.fileExists ? { fileExists: opts.fileExists } : {}),
  };
  const services = mapOf(model.services) ?? {};
  for (const name of Object.keys(services)) {
    const service = mapOf(services[name]);
    if (!service) continue;
    applyServiceDefaults(service, opts.env, opts.projectDir);
    resolveEnvironment(service, opts.env, io, diags);
    reconcileScale(service, name, diags);
  }
  addDefaultNetwork(model);
  nameResources(model, opts.name);

  const project = { name: opts.name, ...model, services } as Project;
  project.name = opts.name;
  copyLocations(model, project);
  return project;
}
