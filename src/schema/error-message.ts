import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../model/locations.js';
import type { SchemaCode } from '../diag/codes/schema.js';
import type { CompiledSchema, SchemaNode } from './compiled-schema.js';
import { displayPath, pointerToSegments } from './instance-path.js';
import { closestKey } from './suggest.js';
import { andList, describeValue, expectedTypes, quote } from './value-words.js';

/** One schema mistake in nestc's words, before it gets a source position. */
export interface SchemaProblem {
  code: SchemaCode;
  /** The node the message is about (the parent mapping for an unknown key). */
  path: PathSegment[];
  /** Where to point: the key token of `pointAt`'s last segment, or the value at `pointAt`. */
  pointAt: PathSegment[];
  preferKey: boolean;
  summary: string;
  /** For `schema-required`: the missing key, so that several of one mapping merge into one. */
  missingKey?: string;
  hint?: string;
}

/** Hints for values that have forms an enum cannot list. */
const ENUM_HINTS: Record<string, string> = {
  '/definitions/restart/anyOf/0': '`on-failure:N` also limits the number of retries',
  '/definitions/pull_policy/anyOf/0': '`every_<duration>` (such as `every_12h`) is accepted too',
};

/** How to write a valid value where a pattern says it better than the regular expression. */
const PATTERN_WORDS: Record<string, string> = {
  '/definitions/service/properties/container_name':
    'is not a valid container name (letters, digits, "_", "." and "-", starting with a letter or digit)',
};

const NAME_PATTERN = '^[a-zA-Z0-9._-]+$';

/**
 * Turns one ajv error (already narrowed by `specificErrors`) into a problem with a plain
 * message that starts with the dotted path of the node, as every nestc diagnostic does.
 */
export function describeError(e: ErrorObject, doc: unknown, schema: CompiledSchema): SchemaProblem {
  const path = pointerToSegments(doc, e.instancePath);
  const where = displayPath(path) || '(top level)';
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const at = schema.pointerOf(parent) ?? '';
  const base = { path, pointAt: path, preferKey: false };

  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      const pointAt = [...path, key];
      const known = Object.keys((parent['properties'] ?? {}) as object);
      const patterns = Object.keys((parent['patternProperties'] ?? {}) as object);
      const allowsX = patterns.includes('^x-');
      const namePatterns = patterns.filter((p) => p !== '^x-');
      if (known.length === 0 && namePatterns.length > 0) {
        const rule =
          namePatterns[0] === NAME_PATTERN
            ? 'use only letters, digits, ".", "_" and "-"'
            : `keys must match ${namePatterns.join(' or ')}`;
        return {
          ...base,
          pointAt,
          preferKey: true,
          code: 'schema-name',
          summary: `${where}: ${quote(key)} is not a valid name (${rule})`,
        };
      }
      const guess = suggestion(parent, key, known);
      const hint =
        guess === undefined && allowsX
          ? 'custom keys must start with `x-`'
          : at === '/definitions/nest'
            ? `the keys of x-nest are ${andList(known.map((k) => `\`${k}\``))}`
            : undefined;
      return {
        ...base,
        pointAt,
        preferKey: true,
        code: 'schema-unknown-key',
        summary: `${path.length ? `${where}: unknown key` : 'unknown top-level key'} ${quote(key)}${guess ? ` (did you mean ${quote(guess)}?)` : ''}`,
        ...(hint ? { hint } : {}),
      };
    }
    case 'type': {
      const types = Array.isArray(e.schema) ? (e.schema as string[]) : [String(e.schema)];
      return {
        ...base,
        code: 'schema-type',
        summary: `${where}: expected ${expectedTypes(types)}, got ${describeValue(e.data)}`,
      };
    }
    case 'enum': {
      const allowed = (e.schema as unknown[]).map(quote);
      if (at === '/definitions/nest_socket') return socketProblem(base, where, e.data);
      const hint = ENUM_HINTS[at];
      return {
        ...base,
        code: 'schema-enum',
        summary: `${where}: must be one of ${allowed.join(', ')} (got ${describeValue(e.data)})`,
        ...(hint ? { hint } : {}),
      };
    }
    case 'minimum':
    case 'maximum':
      return rangeProblem(base, where, parent, at, e.data);
    case 'required': {
      const key = String(e.params['missingProperty']);
      return {
        ...base,
        code: 'schema-required',
        summary: `${where}: missing required key ${quote(key)}`,
        missingKey: key,
      };
    }
    case 'pattern': {
      const words = PATTERN_WORDS[at];
      return {
        ...base,
        code: 'schema-pattern',
        summary: words
          ? `${where}: ${quote(e.data)} ${words}`
          : `${where}: ${quote(e.data)} does not match the pattern ${String(e.schema)}`,
      };
    }
    case 'uniqueItems': {
      const later = Number(e.params['i']);
      const first = Number(e.params['j']);
      const itemPath = [...path, Math.max(later, first)];
      return {
        ...base,
        path: itemPath,
        pointAt: itemPath,
        code: 'schema-duplicate',
        summary: `${displayPath(itemPath)}: the same entry as ${displayPath([...path, Math.min(later, first)])}`,
      };
    }
    default:
      return {
        ...base,
        code: 'schema-invalid',
        summary: `${where}: ${e.message ?? 'is not valid'}`,
      };
  }
}

const SUGGESTIONS = new WeakMap<object, Map<string, string | undefined>>();

/** `closestKey`, remembered per schema node: a generated file may repeat one typo thousands of times. */
function suggestion(parent: object, key: string, known: readonly string[]): string | undefined {
  let memo = SUGGESTIONS.get(parent);
  if (!memo) SUGGESTIONS.set(parent, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, closestKey(key, known));
  return memo.get(key);
}

type Base = Pick<SchemaProblem, 'path' | 'pointAt' | 'preferKey'>;

function socketProblem(base: Base, where: string, value: unknown): SchemaProblem {
  const scoped = value === 'scoped';
  return {
    ...base,
    code: 'nest-socket-unsupported',
    summary: `${where}: \`${String(value)}\` is not supported${scoped ? ' yet' : ''}; use \`none\` or \`host\``,
    hint: scoped
      ? 'a scoped socket is planned; until then `host` gives the real engine socket, which is root on the host'
      : '`none` (the default) gives no socket; `host` gives the engine socket, which is root on the host',
  };
}

function rangeProblem(
  base: Base,
  where: string,
  parent: SchemaNode,
  at: string,
  value: unknown,
): SchemaProblem {
  const min = parent['minimum'] as number | undefined;
  const max = parent['maximum'] as number | undefined;
  if (at === '/definitions/port_number') {
    // Said of the port entry, naming the field: "ports[0]: published port 70000 is ...".
    const last = base.path[base.path.length - 1];
    const field = typeof last === 'string' ? `${last} port` : 'port';
    const entry = typeof last === 'string' ? base.path.slice(0, -1) : base.path;
    return {
      ...base,
      path: entry,
      code: 'schema-range',
      summary: `${displayPath(entry)}: ${field} ${quote(value)} is out of range ${min}–${max}`,
    };
  }
  const words =
    min !== undefined && max !== undefined
      ? `${quote(value)} is out of range ${min}–${max}`
      : min !== undefined
        ? `must be at least ${min} (got ${quote(value)})`
        : `must be at most ${String(max)} (got ${quote(value)})`;
  return { ...base, code: 'schema-range', summary: `${where}: ${words}` };
}
