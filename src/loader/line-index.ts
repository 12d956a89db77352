import type { SourceLoc } from '../diag/diagnostic.js';

/**
 * Offsets → 1-based line and column, by binary search over the offsets where lines start.
 * Built once per file, when the first position is asked for (a large valid file may never ask:
 * its positions stay packed); each lookup is O(log lines), so positions for every node of a
 * large file cost little.
 */
export class LineIndex {
  private lineStarts: number[] | undefined = undefined;

  constructor(
    readonly text: string,
    readonly file: string,
  ) {}

  /** Offsets where lines start. */
  private get starts(): number[] {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
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
   * The position of a packed token (see `packToken`, `packSpan`): its start, and for a scalar
   * token its end, as packed or as `tokenEnd` finds it.
   */
  loc(packed: number): SourceLoc {
    const kind = packed & 3;
    if (kind === SPAN) {
      const start = packed >>> (2 + SPAN_LENGTH_BITS);
      return this.range(start, start + ((packed >>> 2) & MAX_SPAN_LENGTH));
    }
    const start = packed >>> 2;
    return kind === 0 ? this.at(start) : this.range(start, tokenEnd(this.text, start, kind === 2));
  }

  private lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Offsets up to here pack into a small integer with their kind (see `packToken`). */
const MAX_PACKED_OFFSET = 0x1fffffff;

/** The kind of a packed token that holds its length too (see `packSpan`). */
const SPAN = 3;
/** Bits of a span's length; the start gets the other 22 of the 31 a small integer has. */
const SPAN_LENGTH_BITS = 7;
const MAX_SPAN_LENGTH = (1 << SPAN_LENGTH_BITS) - 1;
const MAX_SPAN_START = (1 << (29 - SPAN_LENGTH_BITS)) - 1;

/**
 * The token `[start, end)` packed into one small integer with its end, or -1 when it does not
 * fit (a start past 4 MiB or a token of more than 127 characters). Unlike `packToken`, its end
 * needs no finding again, so a reader can pack any token, also one that spans lines, without
 * reading it a second time to check that `tokenEnd` would find the same end; on a 64-bit V8
 * the integer stays below 2^31 and so is stored in an array as it is, never boxed.
 */
export function packSpan(start: number, end: number): number {
  const length = end - start;
  return start >= 0 && start <= MAX_SPAN_START && length >= 0 && length <= MAX_SPAN_LENGTH
    ? (((start << SPAN_LENGTH_BITS) | length) << 2) | SPAN
    : -1;
}

/**
 * A token start and its kind packed into one small integer, or -1 when the offset is too large
 * to pack. The kind says how `LineIndex.loc` finds the token's end again: none (a collection or
 * an alias), a scalar as `tokenEnd` ends it, or with `block` a plain scalar of block context,
 * which may hold `,` `]` `}` (`image: app:${TAG}`).
 */
export function packToken(start: number, scalar: boolean, block = false): number {
  return start >= 0 && start <= MAX_PACKED_OFFSET ? start * 4 + (scalar ? (block ? 2 : 1) : 0) : -1;
}

/**
 * The end of the scalar token starting at `start` on one line: a quoted scalar to just past its
 * closing quote, a plain scalar to the end of its line, a ` #` comment, a `: ` or (unless
 * `block`: flow context) a flow indicator, without trailing blanks. Readers store a packed
 * position only when this end is the one the parser reported, so what it misses (multi-line
 * plain scalars, block scalars) is stored in full instead.
 */
export function tokenEnd(text: string, start: number, block = false): number {
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
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x2c /* , */ || c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (!block) break;
    } else if (c === 0x3a /* : */) {
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
