import path from 'node:path';
import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { getLoc } from '../model/locations.js';
import type { ProjectSetup } from './project-setup.js';

/** Compose's project name rule (compose-spec, docs.docker.com "Specify a project name"). */
const VALID_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const NAME_RULE =
  'a project name may contain only lowercase letters, digits, dashes and underscores, and must start with a letter or digit';

/**
 * Compose's normalization (compose-go `NormalizeProjectName`): lowercase, drop every character
 * outside `[a-z0-9_-]`, then drop leading dashes and underscores. Applied to names Compose
 * derives itself, so a directory called `My App` still gives a usable `myapp`.
 */
export function normalizeProjectName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[-_]+/, '');
}

/**
 * The project name, with Compose's precedence: `-p` > `COMPOSE_PROJECT_NAME` > top-level
 * `name:` (after interpolation; the last file that sets it wins through the merge) > the
 * basename of the project directory.
 *
 * Compose rejects an invalid name the user passed explicitly (`-p`, `COMPOSE_PROJECT_NAME`) but
 * normalizes one it reads from `name:` or derives from the directory; nestc does the same so a
 * file that works with `docker compose` works here, and warns when `name:` was changed, since
 * the containers will not carry the name written in the file. Undefined when no usable name
 * remains (reported).
 */
export function projectName(
  setup: ProjectSetup,
  model: RawModel,
  diags: Diagnostics,
): string | undefined {
  const explicit = setup.explicitName;
  if (explicit) {
    if (VALID_NAME.test(explicit.value)) return explicit.value;
    const via = explicit.from === 'flag' ? '-p' : 'COMPOSE_PROJECT_NAME';
    diags.error(
      'project-name-invalid',
      `invalid project name "${explicit.value}" (from ${via})`,
      undefined,
      {
        hint: `${NAME_RULE}; for example "${normalizeProjectName(explicit.value) || 'myproject'}"`,
      },
    );
    return undefined;
  }

  if (typeof model.name === 'string' && model.name !== '') {
    const written = model.name;
    // Asked for only when there is something to report: positions are made on demand.
    const loc = () => getLoc(model, 'name');
    const name = normalizeProjectName(written);
    if (name === '') {
      diags.error(
        'project-name-empty',
        `the project name "${written}" has no valid character`,
        loc(),
        {
          hint: NAME_RULE,
        },
      );
      return undefined;
    }
    if (name !== written) {
      diags.warn(
        'project-name-normalized',
        `project name "${written}" is used as "${name}"`,
        loc(),
        {
          detail: 'Compose normalizes the top-level name: lowercased, other characters removed',
          hint: `write name: ${name}`,
        },
      );
    }
    return name;
  }

  const base = path.basename(setup.projectDir);
  const name = normalizeProjectName(base);
  if (name === '') {
    diags.error(
      'project-name-empty',
      `cannot derive a project name from the directory "${base}"`,
      undefined,
      { hint: `set one with -p, COMPOSE_PROJECT_NAME or a top-level name:; ${NAME_RULE}` },
    );
    return undefined;
  }
  return name;
}
