/**
 * How a plain (unquoted) YAML scalar becomes a value. This is the YAML 1.2 core schema, as
 * go-yaml (which Docker Compose uses) applies it when decoding into untyped maps: `yes`, `on`
 * and `off` stay strings, and a plain `0755` is octal (Go parses integers with base prefix 0),
 * which is what users mean by `mode: 0755`.
 */

const NULL = /^(?:~|null|Null|NULL|)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const DEC = /^[-+]?[0-9]+$/;
const OCT_GO = /^0[0-7]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** The value of a plain scalar whose decoded text is `s`. */
export function resolvePlainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most scalars are words: only look closer when the first character could start another type.
  const maybeSpecial =
    s.length === 0 ||
    (c >= 48 && c <= 57) || // 0-9
    c === 45 || // -
    c === 43 || // +
    c === 46 || // .
    c === 126 || // ~
    c === 110 ||
    c === 78 || // n N
    c === 116 ||
    c === 84 || // t T
    c === 102 ||
    c === 70; // f F
  if (!maybeSpecial) return s;
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (OCT_GO.test(s)) return parseInt(s.slice(1), 8);
  if (DEC.test(s)) return Number(s);
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT.test(s)) return Number(s);
  if (INF.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(s)) return NaN;
  return s;
}

/** The value of a scalar with an explicit tag (`!!str 123`, `!!int "8"`); unknown tags keep text. */
export function resolveTagged(
  tag: string,
  raw: string,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const name = tag.startsWith('!!')
    ? tag.slice(2)
    : tag.startsWith('!<tag:yaml.org,2002:')
      ? tag.slice(20, -1)
      : undefined;
  switch (name) {
    case 'str':
    case 'binary':
    case 'timestamp':
      return { ok: true, value: raw };
    case 'null':
      return { ok: true, value: null };
    case 'bool':
      if (TRUE.test(raw)) return { ok: true, value: true };
      if (FALSE.test(raw)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}" is not a boolean (tag ${tag})` };
    case 'int':
    case 'float': {
      const v = resolvePlainScalar(raw);
      if (typeof v === 'number') return { ok: true, value: v };
      return { ok: false, message: `"${raw}" is not a number (tag ${tag})` };
    }
    default:
      // `!`, `!custom`, and tags of other schemas: the text itself, as YAML's failsafe reading.
      return { ok: true, value: raw };
  }
}
