import { describe, expect, it } from 'vitest';
import { shellSplit } from './shellwords.js';

describe('shellSplit', () => {
  it('splits on blanks and honours quotes and backslashes', () => {
    expect(shellSplit(`a  "b c" 'd "e"' f\\ g "" h"i"j`)).toEqual({
      ok: true,
      words: ['a', 'b c', 'd "e"', 'f g', '', 'hij'],
    });
  });

  it('keeps $(...) and backticks as text', () => {
    expect(shellSplit('echo $(date +%s) `id -u`')).toEqual({
      ok: true,
      words: ['echo', '$(date +%s)', '`id -u`'],
    });
  });

  it('stops at an unquoted operator, as Compose does', () => {
    expect(shellSplit('a b && c')).toEqual({ ok: true, words: ['a', 'b'], cutAt: 4 });
    expect(shellSplit('a 2>/dev/null')).toEqual({ ok: true, words: ['a'], cutAt: 3 });
    expect(shellSplit('sh -c "a && b"')).toEqual({ ok: true, words: ['sh', '-c', 'a && b'] });
  });

  it('fails on unclosed quotes and a bare parenthesis', () => {
    expect(shellSplit('echo "a').ok).toBe(false);
    expect(shellSplit('echo a\\').ok).toBe(false);
    expect(shellSplit('Label(x)').ok).toBe(false);
  });
});
