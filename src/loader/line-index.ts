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
    const loc = this.at(start);
    if (end > start) {
      const e = this.at(end);
      loc.endLine = e.line;
      loc.endCol = e.col;
    }
    return loc;
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
