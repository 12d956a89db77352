import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  const text = 'ab\ncde\n\nfg';
  const idx = new LineIndex(text, 'f.yaml');

  it('maps offsets to 1-based lines and columns', () => {
    expect(idx.at(0)).toEqual({ file: 'f.yaml', line: 1, col: 1 });
    expect(idx.at(4)).toEqual({ file: 'f.yaml', line: 2, col: 2 });
    expect(idx.at(7)).toEqual({ file: 'f.yaml', line: 3, col: 1 });
    expect(idx.at(9)).toEqual({ file: 'f.yaml', line: 4, col: 2 });
  });

  it('gives a range on one line its end column', () => {
    expect(idx.range(3, 6)).toEqual({ file: 'f.yaml', line: 2, col: 1, endLine: 2, endCol: 4 });
  });

  it('gives a range across lines its end line', () => {
    expect(idx.range(1, 9)).toEqual({ file: 'f.yaml', line: 1, col: 2, endLine: 4, endCol: 2 });
  });

  it('gives an empty range no end', () => {
    expect(idx.range(4, 4)).toEqual({ file: 'f.yaml', line: 2, col: 2 });
  });
});
