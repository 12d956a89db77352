import type { CodeTable } from './types.js';

/** Codes of reading files and YAML (src/loader/read-text.ts, src/loader/read-yaml.ts). */
export const READ_CODES = {
  'file-not-found': {
    meaning: 'A Compose file, env file or other referenced file does not exist.',
    fix: 'Check the path; relative paths resolve against the project directory or the declaring file.',
  },
  'file-unreadable': {
    meaning: 'The file exists but could not be read (permissions, I/O error).',
    fix: 'Check the file permissions.',
  },
  'file-is-directory': {
    meaning: 'A path that must name a file names a directory.',
    fix: 'Point at the file inside the directory.',
  },
  'file-encoding': {
    meaning: 'The file is not valid UTF-8.',
    fix: 'Save the file as UTF-8.',
  },
  'yaml-empty': {
    meaning: 'The file is empty or holds only comments.',
    fix: 'Add at least a top-level `services:` mapping.',
  },
  'yaml-syntax': {
    meaning: 'The file is not valid YAML.',
    fix: 'Fix the YAML at the position shown; check indentation, quotes and brackets.',
  },
  'yaml-duplicate-key': {
    meaning: 'A mapping has the same key twice; YAML forbids it and the second would silently win.',
    fix: 'Remove or rename one of the two keys.',
  },
  'yaml-unknown-alias': {
    meaning: 'An alias (`*name`) refers to an anchor (`&name`) that is not defined before it.',
    fix: 'Define the anchor first, or fix the alias name.',
  },
  'yaml-bad-merge': {
    meaning: 'A merge key (`<<`) is given something other than a mapping or a list of mappings.',
    fix: 'Merge only mappings: `<<: *anchor` or `<<: [*a, *b]`.',
  },
  'yaml-alias-expansion': {
    meaning: 'Aliases would expand the document to an unreasonable size (an "alias bomb").',
    fix: 'Use fewer nested aliases; a Compose file never needs millions of nodes.',
  },
  'yaml-too-deep': {
    meaning: 'The document nests mappings or sequences too deeply.',
    fix: 'Flatten the document; Compose files need only a few levels.',
  },
  'yaml-not-mapping': {
    meaning: 'The top level of a Compose file is not a mapping.',
    fix: 'Start the file with keys such as `services:`.',
  },
} as const satisfies CodeTable;
