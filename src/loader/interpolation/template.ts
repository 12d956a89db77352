/**
 * Compose's `${VAR}` template language, as compose-go's `template` package evaluates it, written
 * as a single left-to-right scan so a string costs time linear in its length and a string with
 * no `$` costs one `indexOf`.
 *
 * Rules (each one checked against compose-go):
 * - `$$` is a literal `$`; `$` followed by anything but a name, `{` or `$` stays as written.
 * - Names are `[_A-Za-z][_A-Za-z0-9]*`; `$NAME` takes the longest such run.
 * - `${NAME}`; `${NAME:-d}` / `${NAME-d}` (default when unset or empty / unset);
 *   `${NAME:+a}` / `${NAME+a}` (alternative when set and non-empty / set);
 *   `${NAME:?m}` / `${NAME?m}` (error when unset or empty / unset). Anything else after `${` is
 *   a syntax error, and scanning resumes after the `${`.
 * - The argument of a modifier ends at the brace that closes the `${`, counted the way Compose
 *   counts (every `{` opens, and the character after it is skipped), within the last `}` on the
 *   line; when the count never closes, the argument runs to that last `}`.
 * - The argument is itself a template, evaluated before the variable is consulted (so a
 *   `${B:?}` inside a default fails even when the default is not used, as in Compose).
 * - Only a plain `$NAME` / `${NAME}` reports an unset variable.
 */

/** What the template needs from its caller; offsets are indices into the scanned string. */
export interface TemplateHooks {
  /** The variable's value, or undefined when it is not set (empty is set). */
  lookup(name: string): string | undefined;
  /** A plain `$NAME` / `${NAME}` whose variable is not set; it becomes an empty string. */
  unset(name: string, start: number, end: number): void;
  /** A problem in the template; the result of the whole string is then meaningless. */
  problem(p: TemplateProblem): void;
}

export type TemplateProblem =
  | { kind: 'syntax'; start: number; end: number; message: string }
  | { kind: 'required'; start: number; end: number; name: string; reason: string };

/** Nesting depth past which a template is refused rather than risking the stack. */
export const MAX_TEMPLATE_DEPTH = 64;

const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const QUESTION = 0x3f;
const NEWLINE = 0x0a;

/** Evaluate `s`. Problems go to `hooks.problem`; the returned text is then not to be used. */
export function substitute(s: string, hooks: TemplateHooks): string {
  if (s.indexOf('$') === -1) return s;
  return new Scan(s, hooks).expand(0, s.length, 0);
}

function isNameStart(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

class Scan {
  constructor(
    private readonly s: string,
    private readonly hooks: TemplateHooks,
  ) {}

  /** Evaluate `s[from, to)`. */
  expand(from: number, to: number, depth: number): string {
    const s = this.s;
    let out = '';
    let last = from;
    // Line bounds for finding closing braces, cached: scanning one long line stays linear.
    const line = { end: -1, lastBrace: -1 };
    let i = s.indexOf('$', from);
    while (i !== -1 && i < to) {
      const next = i + 1 < to ? s.charCodeAt(i + 1) : -1;
      if (next === DOLLAR) {
        out += s.slice(last, i + 1);
        last = i + 2;
        i = s.indexOf('$', last);
      } else if (isNameStart(next)) {
        let j = i + 2;
        while (j < to && isNameChar(s.charCodeAt(j))) j++;
        out += s.slice(last, i) + this.variable(s.slice(i + 1, j), i, j);
        last = j;
        i = s.indexOf('$', last);
      } else if (next === LBRACE) {
        const r = this.braced(i, to, depth, line);
        out += s.slice(last, i) + r.value;
        last = r.end;
        i = s.indexOf('$', last);
      } else {
        i = s.indexOf('$', i + 1);
      }
    }
    return out + s.slice(last, to);
  }

  private variable(name: string, start: number, end: number): string {
    const v = this.hooks.lookup(name);
    if (v === undefined) {
      this.hooks.unset(name, start, end);
      return '';
    }
    return v;
  }

  /** `${...}` starting at `i`; returns its value and where scanning resumes. */
  private braced(
    i: number,
    to: number,
    depth: number,
    line: { end: number; lastBrace: number },
  ): { value: string; end: number } {
    const s = this.s;
    const nameStart = i + 2;
    if (nameStart >= to || !isNameStart(s.charCodeAt(nameStart))) {
      return this.syntax(i, `"\${" must be followed by a variable name`);
    }
    let k = nameStart + 1;
    while (k < to && isNameChar(s.charCodeAt(k))) k++;
    const name = s.slice(nameStart, k);
    const c = k < to ? s.charCodeAt(k) : -1;
    if (c === RBRACE) return { value: this.variable(name, i, k + 1), end: k + 1 };
    if (c === -1 || c === NEWLINE) return this.syntax(i, `"\${${name}" is not closed by "}"`);
    const colon = c === COLON;
    if (!colon && c !== MINUS && c !== PLUS && c !== QUESTION) {
      return this.syntax(i, `unexpected "${s[k]}" after "\${${name}"`);
    }
    const opAt = colon ? k + 1 : k;
    const op = opAt < to ? s.charCodeAt(opAt) : -1;
    if (op !== MINUS && op !== PLUS && op !== QUESTION) {
      const shown = s.slice(k, Math.min(opAt + 1, to));
      return this.syntax(
        i,
        `unsupported modifier "${shown}" after "\${${name}"; use :-, -, :+, +, :? or ?`,
      );
    }
    const argStart = opAt + 1;
    const close = this.closingBrace(i, argStart, to, line);
    if (close < 0) return this.syntax(i, `"\${${name}" is not closed by "}"`);
    if (depth >= MAX_TEMPLATE_DEPTH) {
      return this.syntax(i, `interpolation nests deeper than ${MAX_TEMPLATE_DEPTH} levels`);
    }
    const arg = this.expand(argStart, close, depth + 1);
    const value = this.hooks.lookup(name);
    const usable = value !== undefined && (!colon || value !== '');
    const end = close + 1;
    if (op === MINUS) return { value: usable ? (value as string) : arg, end };
    if (op === PLUS) return { value: usable ? arg : (value ?? ''), end };
    if (usable) return { value: value as string, end };
    this.hooks.problem({ kind: 'required', start: i, end, name, reason: arg });
    return { value: '', end };
  }

  /**
   * Index of the `}` that ends the `${` at `i`, as Compose finds it: the regular expression
   * stops at the last `}` of the line, then braces are counted from the `$`.
   */
  private closingBrace(
    i: number,
    argStart: number,
    to: number,
    line: { end: number; lastBrace: number },
  ): number {
    const s = this.s;
    if (line.end < argStart) {
      const nl = s.indexOf('\n', argStart);
      line.end = nl === -1 || nl > to ? to : nl;
      line.lastBrace = s.lastIndexOf('}', line.end - 1);
    }
    const last = line.lastBrace;
    if (last < argStart) return -1;
    let open = 0;
    for (let j = i; j <= last; j++) {
      const c = s.charCodeAt(j);
      if (c === RBRACE) {
        open--;
        if (open === 0) return j;
      } else if (c === LBRACE) {
        open++;
        j++;
      }
    }
    return last;
  }

  private syntax(i: number, message: string): { value: string; end: number } {
    this.hooks.problem({ kind: 'syntax', start: i, end: i + 2, message });
    return { value: '', end: i + 2 };
  }
}
