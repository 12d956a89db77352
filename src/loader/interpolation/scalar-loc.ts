import type { SourceLoc } from '../../diag/diagnostic.js';

/**
 * The position of `raw[start, end)` inside the scalar written at `loc`, so an error points at
 * the `${` rather than at the start of a long `command:`.
 *
 * Only done when it is certain: a one-line scalar whose source width equals the string's length
 * (plain) or the length plus two (quoted with no escapes). Otherwise escapes, folding or a block
 * scalar separate source columns from string indices, and the scalar's own position is kept.
 */
export function scalarLoc(
  loc: SourceLoc | undefined,
  raw: string,
  start: number,
  end: number,
): SourceLoc | undefined {
  if (!loc || loc.endLine !== loc.line || loc.endCol === undefined) return loc;
  const width = loc.endCol - loc.col;
  const shift = width === raw.length ? 0 : width === raw.length + 2 ? 1 : -1;
  if (shift < 0) return loc;
  return {
    file: loc.file,
    line: loc.line,
    col: loc.col + shift + start,
    endLine: loc.line,
    endCol: loc.col + shift + end,
  };
}
