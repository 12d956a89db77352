import type { SourceLoc } from '../diag/diagnostic.js';

/**
 * Offsets → 1-based line and column, by binary search over the offsets where lines start.
 * Built once per file; each lookup is O(log lines), so positions for every node of a large file
 * cost little.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The position of `offset`. */
  at(offset: number): SourceLoc {
    const line = this.lineOf(Math.max(0, offset));
    return { file: this.file, line: line + 1, col: offset - (this.starts[line] as number) + 1 };
  }

  /** The position of `[start, end)`, with its end when it is on a later column or line. */
  range(start: number, end: number): SourceLoc {
    const line = this.lineOf(Math.max(0, start));
    const lineStart = this.starts[line] as number;
    const next = this.starts[line + 1] ?? Infinity;
    if (end <= start) return { file: this.file, line: line + 1, col: start - lineStart + 1 };
    if (end < next) {
      // Most tokens end on the line they start on: one search, not two.
      const col = start - lineStart + 1;
      return { file: this.file, line: line + 1, col, endLine: line + 1, endCol: col + end - start };
    }
    const e = this.at(end);
    return {
      file: this.file,
      line: line + 1,
      col: start - lineStart + 1,
      endLine: e.line,
      endCol: e.col,
    };
  }

  /**
   * The position of a packed token (see `packToken`): its start, and for a scalar token its end as
   * `tokenEnd` finds it.
   */
  loc(packed: number): SourceLoc {
    const start = packed >>> 1;
    return packed & 1 ? this.range(start, tokenEnd(this.text, start)) : this.at(start);
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Offsets up to here pack into a small integer with their kind (see `packToken`). */
const MAX_PACKED_OFFSET = 0x3fffffff;

/**
 * A token start and whether it is a scalar token (whose end `LineIndex.loc` finds again), packed
 * into one small integer, or -1 when the offset is too large to pack.
 */
export function packToken(start: number, scalar: boolean): number {
  return start >= 0 && start <= MAX_PACKED_OFFSET ? start * 2 + (scalar ? 1 : 0) : -1;
}

/**
 * The end of the scalar token starting at `start` on one line: a quoted scalar to just past its
 * closing quote, a plain scalar to the end of its line, a ` #` comment, a `: ` or a flow
 * indicator, without trailing blanks. Readers store a packed position only when this end is
 * the one the parser reported, so what it misses (multi-line plain scalars, block scalars) is
 * stored in full instead.
 */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  const q = text.charCodeAt(start);
  if (q === 0x22 /* " */) {
    for (let i = start + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22) return i + 1;
    }
    return n;
  }
  if (q === 0x27 /* ' */) {
    for (let i = start + 1; i < n; i++) {
      if (text.charCodeAt(i) === 0x27) {
        if (text.charCodeAt(i + 1) === 0x27) i++;
        else return i + 1;
      }
    }
    return n;
  }
  let i = start;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0x0a ||
      c === 0x0d ||
      c === 0x2c /* , */ ||
      c === 0x5d /* ] */ ||
      c === 0x7d /* } */
    ) {
      break;
    }
    if (c === 0x3a /* : */) {
      const d = text.charCodeAt(i + 1);
      if (d !== d || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
    } else if ((c === 0x20 || c === 0x09) && text.charCodeAt(i + 1) === 0x23 /* # */) {
      break;
    }
  }
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c !== 0x20 && c !== 0x09) break;
    i--;
  }
  return i;
}
