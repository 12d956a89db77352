import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAsV1 } from '../../test/support/docker-compose-v1.js';
import { AS_IS, emitYaml } from './yaml-emit.js';

/**
 * Strings every quoting decision of the emitter cares about. Each must read back unchanged
 * through the `yaml` package (YAML 1.2 core and 1.1 schemas) and through docker-compose 1.29's
 * PyYAML, as a value, as a key, and nested in sequences (other indentation).
 */
const TRICKY = [
  // Other types in YAML 1.1 or 1.2, or tags PyYAML cannot construct.
  ...['', 'null', 'Null', 'NULL', '~', 'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False'],
  ...['0755', '0o17', '0x1F', '0b101', '1_000', '8080', '-1', '+1', '1e3', 'e5', '.5', '1.'],
  ...['.inf', '-.Inf', '.nan', '12:30', '1:2:3', '2001-12-14', '2001-12-14 21:59:43.10 -5'],
  ...['=', '<<', '-', '?', ':', '- a', '? a', ': a', '-a', '?a', ':a', 'a:', 'a:b', 'a: b'],
  // Indicators first, comments, quotes.
  ...['#a', 'a #b', 'a#b', '*a', '&a', '!a', '!!str', '%YAML', '@a', '`a`', '|', '>', '[a]'],
  ...['{a}', 'a,b', ',a', '"a"', "'a'", `it's "x"`, 'say "hi"', "it's", '\\', 'a\\nb'],
  // Blanks: leading, trailing, tabs.
  ...[' a', 'a ', ' ', '\t', 'a\tb', '\ta', 'a\t', 'a \tb', 'a\u00a0b', '\u00a0'],
  // Line breaks: plain-looking, with blanks around, only breaks, CRLF, long (folded) forms.
  ...['a\nb', 'a\n', 'a\n\n', '\na', '\n\na\n', '\n', '\n\n', ' a\nb', 'a \nb', 'a\n b'],
  ...['a\n\t', 'a\n ', 'a\r\nb', '"a"\nb', '- a\n- b', 'a: 1\nb: 2', '1\n2', '#\n#'],
  `${'x'.repeat(40)}\n \nb`,
  `${'x'.repeat(40)}\n\n\n y \n`,
  `"${'x'.repeat(40)}"\n  z`,
  // Document markers.
  ...['---', '...', '--- a', 'a\n---\nb', 'a\n...', '%x\ny'],
  // Characters to escape: controls, C1 (NEL), line/paragraph separators, non-characters.
  ...['\0', '\x07', '\b', '\f', '\v', '\x1b', 'a\x7fb', 'a\x85b', 'a\x9fb', 'a\u2028b'],
  ...['a\u2029b', 'a\ufffeb', '\uffff', 'a\ud800b', '\udc00'],
  // Unicode that needs nothing.
  ...['é', 'ünïcødé', '日本語', '😀', 'a😀b', '\ufeffbom', 'ǅ'],
  '$',
  '$$',
  '${X}',
  'x'.repeat(1100),
];

/** Every tricky string as a value, as a key, and one level deeper in a sequence. */
function sample(): Record<string, unknown> {
  const values: Record<string, string> = {};
  const keys: Record<string, string> = {};
  TRICKY.forEach((s, i) => {
    values[`v${i}`] = s;
    keys[s] = `k${i}`;
  });
  return { values, keys, nested: [TRICKY, [{ keys }]], '---': 'top', '%top': 1, '...': null };
}

describe('emitYaml round trip', () => {
  const data = sample();
  const text = emitYaml(data, AS_IS);

  for (const schema of ['core', 'yaml-1.1'] as const) {
    it(`reads back unchanged with the yaml package (${schema})`, () => {
      expect(parse(text, { schema, uniqueKeys: false })).toEqual(data);
    });
  }

  it('reads back unchanged with PyYAML (docker-compose 1.29)', async () => {
    expect(await readAsV1(text)).toEqual(data);
  });

  it('writes the common cases plain and others quoted', () => {
    const out = emitYaml(
      { a: 'nginx:1.2', b: 'yes', c: 'a\tb', d: '"hi" she said', e: 'x\ny' },
      AS_IS,
    );
    expect(out).toBe('a: nginx:1.2\nb: "yes"\nc: "a\\tb"\nd: \'"hi" she said\'\ne: |-\n  x\n  y\n');
  });

  it('writes numbers, booleans, null and empty collections', () => {
    const out = emitYaml({ list: [1, -0.5, 1e21, null, true, false, {}, []], m: {} }, AS_IS);
    expect(out).toBe(
      'list:\n  - 1\n  - -0.5\n  - 1e+21\n  - null\n  - true\n  - false\n  - {}\n  - []\nm: {}\n',
    );
  });

  it('nests mappings in sequences and sequences in sequences', () => {
    const out = emitYaml({ s: [{ a: 1, b: [2, [3, 4]] }] }, AS_IS);
    expect(out).toBe('s:\n  - a: 1\n    b:\n      - 2\n      - - 3\n        - 4\n');
  });

  it('writes a key longer than 1024 characters as an explicit key', () => {
    const key = 'k'.repeat(1100);
    const out = emitYaml({ [key]: { a: 1 } }, AS_IS);
    expect(out.startsWith(`? ${key}\n: a: 1`)).toBe(true);
    expect(parse(out)).toEqual({ [key]: { a: 1 } });
  });
});
