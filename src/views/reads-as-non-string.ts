import { lazyYaml } from '../lazy/yaml.js';

/** Plain scalars PyYAML resolves to tags it cannot construct (`=` is YAML 1.1's "value"). */
const ALWAYS_QUOTE = new Set(['=', '<<']);

/**
 * Whether a plain scalar `s` would change type in the YAML 1.2 core schema (Go readers, v2) or
 * in YAML 1.1 (PyYAML, docker-compose 1.29): `yes`, `0755`, `1e3`, `12:30`, `2001-12-14`, ...
 * The config view double-quotes every such string, so that both readers keep it a string.
 */
export function readsAsNonString(s: string): boolean {
  if (ALWAYS_QUOTE.has(s)) return true;
  // Cheap pre-filter (a render touches every scalar of a 10,000-service file): a scalar that is
  // not a string in either schema starts like a number, `~` or `.inf`, or is a bool/null word,
  // or is `e5` (the `yaml` package's 1.1 schema reads it as a float, PyYAML does not).
  if (
    s !== '' &&
    !/^[-+.\d~]|^[eE][-+]?\d+$/.test(s) &&
    !/^(?:y|yes|n|no|true|false|on|off|null)$/i.test(s)
  ) {
    return false;
  }
  // A decimal number in the 1.2 core schema (`8080`, `0755`, `-1.5`, `.5`, `1e3`): the `yaml`
  // package reads it as an int or float there, so the parse below would say so too. A render
  // meets thousands of distinct ones (`ID: "12.3"`), each two parses if it got that far.
  if (CORE_NUMBER.test(s)) return true;
  // Common strings that pass the pre-filter but are strings in both schemas: an address or
  // version with two dots or more (`127.0.0.1`, `1.2.3`), a command-line flag (`--port`, `-v`;
  // not `-e5`, a 1.1 float), a duration (`30s`, `1m30s`). Deciding them here keeps a render of a
  // usual project from loading the `yaml` package at all.
  if (PLAIN_STRING.test(s)) return false;
  let known = verdicts.get(s);
  if (known === undefined) {
    known = (['core', 'yaml-1.1'] as const).some((schema) => {
      try {
        return lazyYaml().parse(s, { schema }) !== s;
      } catch {
        return true;
      }
    });
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(s, known);
  }
  return known;
}

/**
 * The `yaml` package's (2.x) core-schema `int` and `float` (with exponent or not) tests in one
 * expression: every string it matches parses as a number, not as itself.
 */
const CORE_NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** Strings the two schemas both read as themselves; see `readsAsNonString`. */
const PLAIN_STRING =
  /^(?:\d+(?:\.\d+){2,}|--?(?![eE][-+]?\d+$)[A-Za-z][\w-]*|(?:\d+(?:ns|us|ms|[smh]))+)$/;

/** Verdicts of `readsAsNonString` for the few distinct values that need a parse (`yes`, `1e3`). */
const verdicts = new Map<string, boolean>();
