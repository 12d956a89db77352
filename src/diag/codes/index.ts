import { CANONICAL_CODES } from './canonical.js';
import { COMPOSE_FILES_CODES } from './compose-files.js';
import { INTERPOLATE_CODES } from './interpolate.js';
import { MODEL_CODES } from './model.js';
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
];

/** Look up a code; undefined when nestc does not declare it (a test forbids that). */
export function codeInfo(code: string): CodeInfo | undefined {
  for (const t of CODE_TABLES) {
    const info = t.codes[code];
    if (info) return info;
  }
  return undefined;
}
