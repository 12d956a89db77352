/**
 * Backslash escapes of a double-quoted `.env` value, as Compose expands them: `\a \b \f \n \r
 * \t \v \" \\`, `\0` followed by three octal digits, and `\$`, which becomes `$$` so that the
 * interpolation that follows yields a literal `$`. Any other backslash is kept as written
 * (Compose's parser came from godotenv, and files written for it rely on that).
 *
 * Compose rewrites `\0NNN` to `\NNN` before decoding it, so a malformed one (`\012`, `\09`, `\0`)
 * comes out without its `0`; that is kept too, because a value must read the same in both tools.
 */
export function expandDotenvEscapes(s: string): string {
  if (s.indexOf('\\') === -1) return s;
  let out = '';
  let last = 0;
  let i = s.indexOf('\\');
  while (i !== -1 && i + 1 < s.length) {
    const c = s[i + 1] as string;
    let rep: string | undefined;
    let len = 2;
    const simple = SIMPLE[c];
    if (simple !== undefined) rep = simple;
    else if (c === '0') {
      let j = i + 2;
      while (j < s.length && j < i + 5 && isDigit(s.charCodeAt(j))) j++;
      const digits = s.slice(i + 2, j);
      len = j - i;
      rep = octal(digits) ?? `\\${digits}`;
    }
    if (rep === undefined) {
      i = s.indexOf('\\', i + 1);
      continue;
    }
    out += s.slice(last, i) + rep;
    last = i + len;
    i = s.indexOf('\\', last);
  }
  return out + s.slice(last);
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '"': '"',
  '\\': '\\',
  $: '$$',
};

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Three octal digits up to 0o377, as Go's UnquoteChar reads them. */
function octal(digits: string): string | undefined {
  if (!/^[0-7]{3}$/.test(digits)) return undefined;
  const n = parseInt(digits, 8);
  return n <= 0o377 ? String.fromCharCode(n) : undefined;
}
