import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import { expandDotenvEscapes } from './interpolation/dotenv-escapes.js';
import { reportProblem } from './interpolation/report.js';
import { substitute, type TemplateProblem } from './interpolation/template.js';
import { warnUnsetOnce } from './interpolation/unset-once.js';

/**
 * Compose's `.env` format (compose-go's `dotenv` package), for the project's `.env`, `--env-file`
 * and a service's `env_file`:
 *
 * - `KEY=value`, `KEY: value`, `export KEY=value`; blank lines and `#` lines are skipped.
 * - A name is letters, digits, `_`, `.`, `-`, `[` and `]`.
 * - Unquoted values end at the line end; ` #` starts a comment; trailing blanks are dropped.
 * - `'single'` quotes are literal; `"double"` quotes expand backslash escapes. Both may span
 *   lines, and `\'` / `\"` put the quote itself inside.
 * - Unquoted and double-quoted values are interpolated with Compose's template rules, from the
 *   keys the file set before, then `lookup`.
 * - A bare `KEY` line takes `lookup(KEY)`, and sets nothing when that is undefined.
 *
 * Errors are `dotenv-syntax` at the offending character; the bad line is skipped and parsing
 * goes on, so every bad line is reported. An unterminated quote ends the file.
 */
export function parseDotenv(
  text: string,
  file: string,
  lookup: (name: string) => string | undefined,
  diags: Diagnostics,
): Map<string, string> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const p = new DotenvParser(src, file, lookup, diags);
  p.run();
  return p.out;
}

const NL = 0x0a;
const HASH = 0x23;

/** Blanks that do not end a line, as compose-go counts them. */
function isBlank(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x85 || c === 0xa0
  );
}

/** Any white space, line breaks included (Go's unicode.IsSpace). */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    (c > 0xff && /\s/.test(String.fromCharCode(c)) && c !== 0xfeff)
  );
}

function isKeyChar(ch: string): boolean {
  return /[\p{L}\p{N}_.\-[\]]/u.test(ch);
}

class DotenvParser {
  readonly out = new Map<string, string>();
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly lookup: (name: string) => string | undefined,
    private readonly diags: Diagnostics,
  ) {}

  run(): void {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && isSpace(s.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= s.length) return;
      if (s.charCodeAt(this.pos) === HASH) {
        this.skipLine();
        continue;
      }
      if (!this.statement()) return;
    }
  }

  private skipLine(): void {
    const nl = this.src.indexOf('\n', this.pos);
    this.pos = nl === -1 ? this.src.length : nl + 1;
  }

  /** One `KEY=value` or bare `KEY`; false when the rest of the file cannot be read. */
  private statement(): boolean {
    const s = this.src;
    let p = this.pos;
    if (s.startsWith('export', p) && /[ \t\n\f\r]/.test(s[p + 6] ?? '')) {
      p += 6;
      while (p < s.length && isBlank(s.charCodeAt(p))) p++;
    }
    const keyStart = p;
    let term = -1;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (isBlank(c)) continue;
      if (c === 0x3d || c === 0x3a || c === NL) {
        term = p;
        break;
      }
      const ch = String.fromCodePoint(s.codePointAt(p) as number);
      if (isKeyChar(ch)) {
        p += ch.length - 1;
        continue;
      }
      this.syntax(p, `unexpected character ${JSON.stringify(ch)} in a variable name`);
      this.pos = p;
      this.skipLine();
      return true;
    }
    const inherited = term === -1 || s.charCodeAt(term) === NL;
    const key = s.slice(keyStart, term === -1 ? s.length : term).replace(/\s+$/u, '');
    if (key.includes(' ')) {
      this.syntax(keyStart, `a variable name cannot contain a space: ${JSON.stringify(key)}`);
      this.pos = keyStart;
      this.skipLine();
      return true;
    }
    if (inherited) {
      const v = key === '' ? undefined : this.lookup(key);
      if (v !== undefined) this.out.set(key, v);
      this.pos = term === -1 ? s.length : term + 1;
      return true;
    }
    p = term + 1;
    while (p < s.length && isBlank(s.charCodeAt(p))) p++;
    const q = s[p];
    const value = q === '"' || q === "'" ? this.quoted(p, q) : this.unquoted(p);
    if (value === undefined) return false;
    if (key !== '') this.out.set(key, value);
    return true;
  }

  private unquoted(start: number): string {
    const s = this.src;
    const nl = s.indexOf('\n', start);
    const end = nl === -1 ? s.length : nl;
    let raw = s.slice(start, end);
    const comment = raw.indexOf(' #');
    if (comment !== -1) raw = raw.slice(0, comment);
    raw = raw.replace(/\s+$/u, '');
    this.pos = end;
    return this.expand(raw, start, true);
  }

  /** A quoted value from the quote at `start`; undefined when it is never closed. */
  private quoted(start: number, quote: string): string | undefined {
    const s = this.src;
    let raw = '';
    let i = start + 1;
    let last = i;
    for (; i < s.length; i++) {
      const ch = s[i];
      if (ch === '\\' && i + 1 < s.length) {
        if (s[i + 1] === quote) {
          raw += s.slice(last, i);
          last = i + 1;
        }
        i++;
        continue;
      }
      if (ch === quote) break;
    }
    if (i >= s.length) {
      this.syntax(start, `the quoted value starting here is never closed by ${quote}`);
      return undefined;
    }
    raw += s.slice(last, i);
    this.pos = i + 1;
    if (quote === "'") return raw;
    const unescaped = expandDotenvEscapes(raw);
    return this.expand(unescaped, start + 1, unescaped === s.slice(start + 1, i));
  }

  /** Interpolate a value found at `offset`; `exact` when its indices are source offsets. */
  private expand(value: string, offset: number, exact: boolean): string {
    if (value.indexOf('$') === -1) return value;
    const at = (start: number, end: number): SourceLoc =>
      exact ? this.loc(offset + start, offset + end) : this.loc(offset);
    return substitute(value, {
      lookup: (name) => this.out.get(name) ?? this.lookup(name),
      unset: (name, start, end) => warnUnsetOnce(this.diags, name, at(start, end)),
      problem: (p: TemplateProblem) => reportProblem(this.diags, p, at(p.start, p.end), value),
    });
  }

  private syntax(offset: number, message: string): void {
    this.diags.error('dotenv-syntax', message, this.loc(offset));
  }

  /** 1-based line and column of a source offset; only computed for diagnostics. */
  private loc(offset: number, end?: number): SourceLoc {
    const s = this.src;
    let line = 1;
    let lineStart = 0;
    for (let i = s.indexOf('\n'); i !== -1 && i < offset; i = s.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const loc: SourceLoc = { file: this.file, line, col: offset - lineStart + 1 };
    if (end !== undefined && s.lastIndexOf('\n', end - 1) < lineStart) {
      loc.endLine = line;
      loc.endCol = end - lineStart + 1;
    }
    return loc;
  }
}
