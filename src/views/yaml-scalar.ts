import { readsAsNonString } from './reads-as-non-string.js';
import { doubleQuoted, literalBlock, singleQuoted } from './yaml-styles.js';

/**
 * How the config view writes one scalar in block context. The choice of style is the one the
 * `yaml` package (2.x, YAML 1.1 schema, `lineWidth: 0`) made when nestc printed through it, so
 * the output kept its exact text; it departs only where that text did not read back as the same
 * value (each such place says so).
 *
 * `indent` is the indentation of the scalar's own lines after the first (a multi-line quoted
 * scalar or a block scalar's body): the indentation of the collection holding it plus two.
 */

/** A scalar that is not a string: YAML 1.1/1.2 spelling, the same in every reader. */
export function otherScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  }
  throw new TypeError(`the config view cannot print a ${typeof value}`);
}

/** A mapping value or sequence item. */
export function valueString(s: string, indent: string): string {
  if (isSimple(s)) return s;
  if (mustDoubleQuote(s)) return doubleQuoted(s, indent, false);
  const multiLine = s.includes('\n');
  if (PLAIN_UNSAFE.test(s) && !multiLine) return quoted(s, indent, false);
  if (multiLine)
    return TRAILING_BLANK_LINE.test(s) ? quoted(s, indent, false) : literalBlock(s, indent);
  return s.includes('\t') ? doubleQuoted(s, indent, false) : s;
}

/**
 * A mapping key: always on one line (implicit). `top` is a key of the root mapping, where a
 * line starting `---`, `...` or `%` would end the document, so such a key is quoted too.
 */
export function keyString(s: string, indent: string, top: boolean): string {
  if (isSimple(s)) return s;
  if (mustDoubleQuote(s)) return doubleQuoted(s, indent, true);
  if (s.includes('\n') || PLAIN_UNSAFE.test(s) || (top && DOCUMENT_MARKER.test(s))) {
    return quoted(s, indent, true);
  }
  return s.includes('\t') ? doubleQuoted(s, indent, true) : s;
}

/**
 * The common case, decided with one test: a word, name, path or image reference (a letter,
 * `_` or `/` first, then no blank, quote, `#` or control, and not `:` last) that is not one of
 * the words YAML 1.1 reads as a boolean or null, nor like `e5`. It passes every test below
 * unchanged.
 */
function isSimple(s: string): boolean {
  return SIMPLE.test(s) && !BOOL_OR_NULL.test(s);
}

const SIMPLE = /^[A-Za-z_/](?:[\w./:@=+-]*[\w./@=+-])?$/;
const BOOL_OR_NULL = /^(?:y|yes|n|no|true|false|on|off|null)$|^e[-+]?\d/i;

/**
 * Strings only double quotes can carry: those another type would claim, and those with
 * characters that must be escaped. Besides C0/C1 controls and unpaired surrogates, that is the
 * characters PyYAML (1.29) reads as line breaks (NEL, U+2028, U+2029) or rejects outright
 * (U+FFFE, U+FFFF); the `yaml` package wrote those raw, and 1.29 then misread or refused the
 * file. A tab is escaped too where the text would otherwise be plain (see `valueString`):
 * PyYAML ends a plain scalar at a tab and fails.
 */
function mustDoubleQuote(s: string): boolean {
  return NEEDS_ESCAPE.test(s) || readsAsNonString(s);
}

// Control characters are what this expression is for.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\u{d800}-\u{dfff}]/u;

/**
 * Text a plain scalar cannot start with, contain or end with: an indicator first (`#`, `&`,
 * `*`, `!`, `|`, `>`, quotes, `%`, `@`, backtick, flow brackets, comma, blank), `-` or `?`
 * alone or before a blank, `: ` and blank after a line break, blank before a line break, ` #`,
 * or a blank or `:` last.
 */
const PLAIN_UNSAFE =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-](?:[ \t]|$)|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** A final line of only blanks, which a block scalar cannot keep. */
const TRAILING_BLANK_LINE = /\n[\t ]+$/;

const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;

/** Single quotes when the text has `"` but no `'` (no escapes needed), else double quotes. */
function quoted(s: string, indent: string, key: boolean): string {
  const single = s.includes('"') && !s.includes("'");
  // Single quotes cannot hold a blank next to a line break, nor a line break in a key.
  if (single && !(key && s.includes('\n')) && !/[ \t]\n|\n[ \t]/.test(s)) {
    return singleQuoted(s, indent);
  }
  return doubleQuoted(s, indent, key);
}
