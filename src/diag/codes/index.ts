import { APPLY_CODES } from './apply.js';
import { CANONICAL_CODES } from './canonical.js';
import { COMPOSE_FILES_CODES } from './compose-files.js';
import { INTERPOLATE_CODES } from './interpolate.js';
import { MODEL_CODES } from './model.js';
import { NEST_DEPS_CODES } from './nest-deps.js';
import { NEST_NAMES_CODES } from './nest-names.js';
import { NEST_OUTPUT_CODES } from './nest-output.js';
import { NEST_PATHS_CODES } from './nest-paths.js';
import { NEST_PORTS_CODES } from './nest-ports.js';
import { NEST_SCOPE_CODES } from './nest-scope.js';
import { PROJECT_CODES } from './project.js';
import { READ_CODES } from './read.js';
import { SCHEMA_CODES } from './schema.js';
import type { CodeInfo, CodeTable } from './types.js';

/**
 * Every diagnostic code nestc can emit, by stage, in the order of the pipeline. docs/errors.md
 * is generated from this list (`node scripts/gen-errors-doc.mjs`), and a test keeps the two equal.
 */
export const CODE_TABLES: readonly { stage: string; title: string; codes: CodeTable }[] = [
  { stage: 'project', title: 'Finding files, environment and project name', codes: PROJECT_CODES },
  { stage: 'read', title: 'Reading files and YAML', codes: READ_CODES },
  { stage: 'interpolate', title: 'Interpolation and .env files', codes: INTERPOLATE_CODES },
  { stage: 'schema', title: 'Schema validation', codes: SCHEMA_CODES },
  { stage: 'canonical', title: 'Short syntax', codes: CANONICAL_CODES },
  { stage: 'compose-files', title: 'Merging, extends and include', codes: COMPOSE_FILES_CODES },
  { stage: 'model', title: 'Paths, normalization and references', codes: MODEL_CODES },
  { stage: 'nest-scope', title: 'Loading x-nest scopes', codes: NEST_SCOPE_CODES },
  {
    stage: 'nest-names',
    title: 'Flat names, scoped resources and networks',
    codes: NEST_NAMES_CODES,
  },
  {
    stage: 'nest-paths',
    title: 'Paths through parent mounts, and the socket',
    codes: NEST_PATHS_CODES,
  },
  { stage: 'nest-deps', title: 'Dependencies across scopes', codes: NEST_DEPS_CODES },
  { stage: 'nest-ports', title: 'Published ports and lints', codes: NEST_PORTS_CODES },
  { stage: 'nest-output', title: 'Compile and graph output', codes: NEST_OUTPUT_CODES },
  { stage: 'apply', title: 'Applying to the engine', codes: APPLY_CODES },
];

/** Look up a code; undefined when nestc does not declare it (a test forbids that). */
export function codeInfo(code: string): CodeInfo | undefined {
  for (const t of CODE_TABLES) {
    const info = t.codes[code];
    if (info) return info;
  }
  return undefined;
}
