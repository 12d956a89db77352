import type { CodeTable } from './types.js';

/**
 * Codes of the schema stage (src/schema/), which checks each file against
 * schemas/nestfile.schema.json after interpolation. One diagnostic per offending node; where a
 * value could take several forms, the message speaks of the form that the value was closest to.
 */
export const SCHEMA_CODES = {
  'schema-unknown-key': {
    meaning:
      'A mapping has a key that Compose (or `x-nest`) does not define; Compose rejects the file too.',
    fix: 'Fix the spelling (a close key is suggested when there is one), or prefix a custom key with `x-`.',
  },
  'schema-name': {
    meaning:
      'A name used as a key (a service, network, volume, config or secret name, a ulimit) has characters Compose does not allow.',
    fix: 'Use only letters, digits, `.`, `_` and `-` in resource names.',
  },
  'schema-type': {
    meaning: 'A value has the wrong type, for example a list where a string is expected.',
    fix: 'Write the value in one of the forms named in the message.',
  },
  'schema-enum': {
    meaning: 'A value is not one of the values this attribute accepts.',
    fix: 'Use one of the values listed in the message.',
  },
  'schema-range': {
    meaning: 'A number is outside the range this attribute accepts (a port outside 1–65535).',
    fix: 'Use a number inside the range shown.',
  },
  'schema-required': {
    meaning: 'A mapping lacks a key that its form requires (`condition` of a long `depends_on`).',
    fix: 'Add the missing key, or use the short syntax where there is one.',
  },
  'schema-pattern': {
    meaning: 'A string does not have the format this attribute requires (a container name).',
    fix: 'Rewrite the value in the format described in the message.',
  },
  'schema-duplicate': {
    meaning: 'A list whose entries must be unique has the same entry twice.',
    fix: 'Remove one of the two entries.',
  },
  'schema-invalid': {
    meaning: 'A value breaks a rule of the Compose model not covered by a more specific code.',
    fix: 'Compare the value with the Compose specification for this attribute.',
  },
  'nest-socket-unsupported': {
    meaning:
      '`x-nest.socket` has a value other than `none` or `host`; a scoped socket is planned but not available yet.',
    fix: 'Use `socket: none` (the default) or `socket: host` (root-equivalent on the host; nestc warns).',
  },
} as const satisfies CodeTable;

/** A code of this stage; the validator emits nothing else. */
export type SchemaCode = keyof typeof SCHEMA_CODES;
