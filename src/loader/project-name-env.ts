import path from 'node:path';
import { Diagnostics } from '../diag/diagnostic.js';
import type { Env } from './context.js';
import { interpolate } from './interpolate.js';
import { normalizeProjectName } from './project-name.js';
import type { ProjectSetup } from './project-setup.js';

/**
 * The interpolation environment with `COMPOSE_PROJECT_NAME` set to the project's name, as the
 * compose-spec says ("the project name is made available to interpolation") and compose-go
 * does: only when the environment does not set it already. The name comes from `-p`, else the
 * last file's top-level `name:` (itself interpolated), else the project directory. Problems with
 * the name are reported later by the project-name stage, once, with positions; here they only
 * mean that no name is offered.
 */
export function envWithProjectName(setup: ProjectSetup, docs: unknown[]): Env {
  const current = setup.env.COMPOSE_PROJECT_NAME;
  if (current !== undefined && current !== '') return setup.env;
  let name = setup.explicitName?.value;
  if (name === undefined) {
    for (const doc of docs) {
      const written = (doc as { name?: unknown } | null)?.name;
      if (typeof written === 'string') {
        const holder = { name: written };
        interpolate(holder, setup.env, new Diagnostics());
        name = holder.name;
      }
    }
  }
  if (name === undefined || name === '') name = path.basename(setup.projectDir);
  const normalized = normalizeProjectName(name);
  return normalized ? { ...setup.env, COMPOSE_PROJECT_NAME: normalized } : setup.env;
}
