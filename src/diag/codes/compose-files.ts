import type { CodeTable } from './types.js';

/**
 * Codes of combining Compose files: merge (src/loader/merge.ts), `extends`
 * (src/loader/extends.ts) and `include` (src/loader/include.ts). A file that cannot be read is
 * reported with the reading codes (`file-not-found`…), at the `file:` or `path:` that named it.
 */
export const COMPOSE_FILES_CODES = {
  'merge-incompatible': {
    meaning:
      'An override file gives a mapping or a sequence where the base file has another kind of value, so the two cannot be merged.',
    fix: 'Write the same kind of value in both files, or mark the overriding value with `!override` to replace it.',
  },
  'extends-unknown-service': {
    meaning:
      '`extends.service` names a service that the referenced file (or scope) does not define.',
    fix: 'Check the service name, and `extends.file` when the service is in another file.',
  },
  'extends-cycle': {
    meaning: 'Services extend each other in a circle, so none of them has a complete definition.',
    fix: 'Break the cycle: one of the services must not extend the others.',
  },
  'include-conflict': {
    meaning:
      'A service, network, volume, config or secret is defined both in the project and in an included file, with different definitions.',
    fix: 'Rename one of them, or remove one definition; to change an included resource, list an override file in the same `include` entry (`path: [included.yaml, override.yaml]`).',
  },
  'include-cycle': {
    meaning: 'Compose files include each other in a circle.',
    fix: 'Remove one of the `include` entries of the cycle.',
  },
} as const satisfies CodeTable;
