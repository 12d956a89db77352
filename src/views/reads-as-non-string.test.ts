import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readsAsNonString } from './reads-as-non-string.js';

/** What `readsAsNonString` stands for: a parse in each schema, compared with the text. */
function byParse(s: string): boolean {
  return (['core', 'yaml-1.1'] as const).some((schema) => {
    try {
      return parse(s, { schema }) !== s;
    } catch {
      return true;
    }
  });
}

describe('readsAsNonString', () => {
  it('decides numbers, addresses, flags and durations without a parse, as a parse would', () => {
    const samples = [
      '12.3',
      '-1.5',
      '+.5',
      '1.',
      '1e3',
      '.5E-2',
      '0755',
      '127.0.0.1',
      '0.0.0.0',
      '1.2.3',
      '1.2.3.4.5',
      '--port',
      '-v',
      '-e',
      '-e5',
      '-E-5',
      '-e5x',
      '--e5',
      '-x-y_z',
      '30s',
      '1m30s',
      '10ms',
      '1h',
      '1d',
      '1.5s',
    ];
    for (const s of samples) expect(readsAsNonString(s), s).toBe(byParse(s));
  });

  it('agrees with a parse on random strings that start like a number', () => {
    // The first character passes the cheap pre-filter, so the answer comes from the fast
    // paths or from a parse, and both must agree with the parse.
    const first = '0123456789.-+';
    const alphabet = '0123456789.-+_eExsmhnuyob:';
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      let s = first[Math.floor(next() * first.length)]!;
      const length = Math.floor(next() * 7);
      for (let j = 0; j < length; j++) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(readsAsNonString(s), s).toBe(byParse(s));
    }
  });
});
