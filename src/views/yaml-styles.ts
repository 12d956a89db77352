/**
 * The three quoted and block styles of a YAML scalar (YAML 1.2 §7.3, §8.1), written so that
 * PyYAML (YAML 1.1) reads them the same. The caller has chosen the style; these only spell it.
 * Line layout matches what the `yaml` package printed with `lineWidth: 0`, so `nestc config`
 * output did not change when nestc began writing YAML itself.
 */

/** Double-quoted scalars at least this long (escaped, with quotes) break lines at `\n`. */
const MULTI_LINE_MIN = 40;

/**
 * `"..."` with JSON's escapes for `"`, `\` and C0 controls, YAML's short forms where it has
 * them (`\0`, `\a`, `\v`, `\e`, `\N`, `\L`, `\P`), and `\x`/`\u` for the rest of what PyYAML
 * cannot read raw. A value (not a key) of 40 or more characters is written over several lines,
 * one per line break, the way the `yaml` package writes it: a line break is written as a break
 * plus an empty line (a single break folds to a space), and a blank that a break would swallow
 * is escaped as `\ `.
 */
export function doubleQuoted(s: string, indent: string, key: boolean): string {
  const multiLine = !key && s.includes('\n') && JSON.stringify(s).length >= MULTI_LINE_MIN;
  const last = s.length - 1;
  let out = '"';
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a) {
      if (!multiLine || i === last) {
        out += '\\n';
        continue;
      }
      out += '\n\n';
      while (i + 1 < last && s.charCodeAt(i + 1) === 0x0a) {
        out += '\n';
        i++;
      }
      out += indent;
      // A blank that starts a continuation line would be taken as indentation.
      if (s.charCodeAt(i + 1) === 0x20) {
        out += '\\ ';
        i++;
      }
    } else if (c === 0x20) {
      // A blank before a line break would be folded away.
      out += s.charCodeAt(i + 1) === 0x0a ? '\\ ' : ' ';
    } else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += SHORT_ESCAPES[c] ?? `\\x${hex(c, 2)}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!; // a surrogate pair: one printable character
        i++;
      } else out += `\\u${hex(c, 4)}`;
    } else if (c === 0x2028) out += '\\L';
    else if (c === 0x2029) out += '\\P';
    else if (c === 0xfffe || c === 0xffff) out += `\\u${hex(c, 4)}`;
    else out += s[i]!;
  }
  return `${out}"`;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x85: '\\N',
};

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}

/**
 * `'...'`, for text with `"` and no `'`, no blank beside a line break, and no line break in a
 * key (the caller checks). A line break is written as a break plus an empty line.
 */
export function singleQuoted(s: string, indent: string): string {
  return `'${s.replace(/\n+/g, (breaks) => `${breaks}\n${indent}`)}'`;
}

/**
 * A literal block scalar (`|`) for multi-line text whose last line is not only blanks: the
 * header says how the text ends (`-` no final line break, none for one, `+` for several or an
 * all-blank text) and, when the first line starts with a blank, the content indentation (`2`).
 * Every line is indented; lines that are empty stay empty.
 */
export function literalBlock(s: string, indent: string): string {
  let bodyEnd = s.length;
  while (bodyEnd > 0 && isBlankOrBreak(s.charCodeAt(bodyEnd - 1))) bodyEnd--;
  let tail = s.slice(bodyEnd);
  const firstBreak = tail.indexOf('\n');
  const chomp =
    firstBreak === -1 ? '-' : bodyEnd === 0 || firstBreak !== tail.length - 1 ? '+' : '';
  // The final line break is the header's; breaks before blanks open an indented line.
  if (tail.endsWith('\n')) tail = tail.slice(0, -1);
  tail = tail.replace(/\n+(?=[^\n])/g, (breaks) => breaks + indent);

  let headEnd = 0;
  let lastLeadingBreak = -1;
  let leadingBlank = false;
  for (; headEnd < bodyEnd; headEnd++) {
    const c = s.charCodeAt(headEnd);
    if (c === 0x20) leadingBlank = true;
    else if (c === 0x0a) lastLeadingBreak = headEnd;
    else break;
  }
  const head = s.slice(0, lastLeadingBreak + 1).replace(/\n+/g, (breaks) => breaks + indent);
  const body = s.slice(lastLeadingBreak + 1, bodyEnd).replace(/\n+/g, (breaks) => breaks + indent);
  return `|${leadingBlank ? '2' : ''}${chomp}\n${indent}${head}${body}${tail}`;
}

function isBlankOrBreak(c: number): boolean {
  return c === 0x0a || c === 0x20 || c === 0x09;
}
