import type { CodeTable } from './types.js';

/**
 * Codes of variable interpolation, type casting and `.env` files (src/loader/interpolate.ts,
 * src/loader/cast.ts, src/loader/dotenv.ts).
 */
export const INTERPOLATE_CODES = {
  'interpolate-syntax': {
    meaning:
      'A `$` starts something Compose cannot interpolate: `${}`, a `${NAME` with no closing brace, or an unsupported modifier such as `${NAME:x}`.',
    fix: 'Use `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:+alt}`, `${NAME+alt}`, `${NAME:?message}` or `${NAME?message}`; write `$$` for a literal `$`.',
  },
  'interpolate-required': {
    meaning:
      'A variable written `${NAME:?message}` is unset or empty, or one written `${NAME?message}` is unset.',
    fix: 'Set the variable in the environment, in `.env`, or in a file given with `--env-file`.',
  },
  'interpolate-unset': {
    meaning:
      'A variable written `$NAME` or `${NAME}` is not set, so it is replaced by an empty string (reported once per variable).',
    fix: 'Set the variable, give a default with `${NAME:-default}`, or write `$$` if the `$` is meant literally.',
  },
  'interpolate-legacy-boolean': {
    meaning:
      'A boolean field holds `yes`, `no`, `on`, `off`, `y` or `n`: Compose reads it as a boolean but YAML 1.2 does not.',
    fix: 'Write `true` or `false`.',
  },
  'interpolate-cast': {
    meaning:
      'A field that Compose converts to a number or a boolean holds a string that does not convert, such as `scale: lots`, `cpus: half` or `read_only: maybe`; often a variable holds the wrong value, or is unset and gave an empty string.',
    fix: 'Write an integer (digits only: `1.0` is not one), a number, or `true` / `false`, or fix the variable that supplies the value.',
  },
  'dotenv-syntax': {
    meaning:
      'A line of an env file is not `KEY=value`: a name with a space or a character outside letters, digits and `_ . - [ ]`, or a quoted value that is never closed.',
    fix: 'Fix the line at the position shown; quote values that contain spaces or `#`.',
  },
} as const satisfies CodeTable;
