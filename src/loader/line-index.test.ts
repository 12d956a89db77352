import { describe, expect, it } from 'vitest';
import { LineIndex, packSpan, packToken, tokenEnd } from './line-index.js';

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

  it('finds the end of a scalar token from its start', () => {
    const t = "k: plain text  # c\nq: \"a\\\"b\" 'it''s'\n[x, y: z]\nurl: http://h:80\n";
    // The token at `token`, or at `skip` characters into it.
    const end = (token: string, skip = 0) => {
      const at = t.indexOf(token) + skip;
      return t.slice(at, tokenEnd(t, at));
    };
    expect(end('k')).toBe('k');
    expect(end('plain')).toBe('plain text');
    expect(end('"a')).toBe('"a\\"b"');
    expect(end("'it")).toBe("'it''s'");
    expect(end('[x', 1)).toBe('x');
    expect(end(' y', 1)).toBe('y');
    expect(end(' z', 1)).toBe('z');
    expect(end('http')).toBe('http://h:80');
  });

  it('finds the end of a plain scalar of block context, which may hold flow indicators', () => {
    const t = 'image: app:${TAG}, [x] {y}  # c\n';
    const at = t.indexOf('app');
    expect(t.slice(at, tokenEnd(t, at))).toBe('app:${TAG');
    expect(t.slice(at, tokenEnd(t, at, true))).toBe('app:${TAG}, [x] {y}');
  });

  it('makes positions of packed tokens', () => {
    expect(idx.loc(packToken(3, true))).toEqual(idx.range(3, 6));
    expect(idx.loc(packToken(4, false))).toEqual(idx.at(4));
    expect(packToken(2 ** 40, true)).toBe(-1);
    const block = new LineIndex('k: a}b\n', 'f.yaml');
    expect(block.loc(packToken(3, true, true))).toEqual(block.range(3, 6));
    expect(block.loc(packToken(3, true))).toEqual(block.range(3, 4));
  });

  it('makes positions of tokens packed with their length, also across lines', () => {
    const text = 'a: first\n  second\nb: "x"\n';
    const lines = new LineIndex(text, 'f.yaml');
    expect(lines.loc(packSpan(3, 17))).toEqual(lines.range(3, 17));
    expect(lines.loc(packSpan(21, 24))).toEqual(lines.range(21, 24));
    expect(packSpan(0, 127)).toBeGreaterThanOrEqual(0);
    expect(packSpan(0, 128)).toBe(-1);
    expect(packSpan(2 ** 22, 2 ** 22 + 1)).toBe(-1);
    expect(packSpan(2 ** 22 - 1, 2 ** 22 + 126)).toBeLessThan(2 ** 31);
  });
});
