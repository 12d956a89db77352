import type { SourceLoc } from '../diag/diagnostic.js';

/**
 * Offsets → 1-based line and column, by binary search over the offsets where lines start.
 * Built once per file; each lookup is O(log lines), so positions for every node of a large file
 * cost little.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    text: string,
    private readonly file: string,
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
