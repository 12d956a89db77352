import { parse } from 'yaml';

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
  if (/^\d+$/.test(s)) return true; // an integer in both schemas (`8080`, `0755`)
  let known = verdicts.get(s);
  if (known === undefined) {
    known = (['core', 'yaml-1.1'] as const).some((schema) => {
      try {
        return parse(s, { schema }) !== s;
      } catch {
        return true;
      }
    });
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(s, known);
  }
  return known;
}

/** Verdicts of `readsAsNonString` for the few distinct values that need a parse (`yes`, `1e3`). */
const verdicts = new Map<string, boolean>();
