import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { parseDotenv } from './dotenv.js';
import { expandDotenvEscapes } from './interpolation/dotenv-escapes.js';

function parse(text: string, outer: Record<string, string> = {}) {
  const diags = new Diagnostics();
  const map = parseDotenv(
    text,
    '.env',
    (n) => (Object.hasOwn(outer, n) ? outer[n] : undefined),
    diags,
  );
  return { vars: Object.fromEntries(map), diags: diags.items };
}

describe('parseDotenv: lines', () => {
  it('reads KEY=VAL, export, yaml style, blanks and comments, in file order', () => {
    const { vars, diags } = parse(
      '# comment\n\nA=1\nexport B=2\n  C = 3  \nD: 4\nexport=5\nE.F-G[0]=6\n',
    );
    expect(diags).toEqual([]);
    expect(vars).toEqual({ A: '1', B: '2', C: '3', D: '4', export: '5', 'E.F-G[0]': '6' });
    expect(Object.keys(vars)).toEqual(['A', 'B', 'C', 'D', 'export', 'E.F-G[0]']);
  });

  it('handles CRLF line ends and a BOM', () => {
    expect(parse('\uFEFFA=1\r\nB="2"\r\n').vars).toEqual({ A: '1', B: '2' });
  });

  it('a later line wins', () => {
    expect(parse('A=1\nA=2\n').vars).toEqual({ A: '2' });
  });

  it('gives a bare KEY the outer value, or nothing', () => {
    expect(parse('HOME\nNOPE\nLAST', { HOME: '/h', LAST: 'l' }).vars).toEqual({
      HOME: '/h',
      LAST: 'l',
    });
  });

  it('empty values; a comment right after = is the value, as in Compose', () => {
    expect(parse('A=\nB=""\nC=\'\'\nD= # not a comment\n').vars).toEqual({
      A: '',
      B: '',
      C: '',
      D: '# not a comment',
    });
  });
});

describe('parseDotenv: values', () => {
  it('trims inline " #" comments from unquoted values only', () => {
    const { vars } = parse('A=x # c\nB=x#not\nC="x # kept"\nD=\'y # kept\' # gone\n');
    expect(vars).toEqual({ A: 'x', B: 'x#not', C: 'x # kept', D: 'y # kept' });
  });

  it('keeps single-quoted values literal', () => {
    expect(parse("A='$HOME \\n ${X:?no}'\n", { HOME: '/h' }).vars).toEqual({
      A: '$HOME \\n ${X:?no}',
    });
    expect(parse("A='it\\'s'\n").vars).toEqual({ A: "it's" });
  });

  it('expands escapes in double quotes and spans lines', () => {
    const { vars } = parse('A="a\\nb\\t\\"q\\" \\\\ \\x"\nB="line1\nline2"\nC=after\n');
    expect(vars).toEqual({ A: 'a\nb\t"q" \\ \\x', B: 'line1\nline2', C: 'after' });
  });

  it('interpolates unquoted and double-quoted values: earlier keys, then lookup', () => {
    const { vars } = parse(
      'A=1\nB=$A-${OUT}\nC="${A}${MISSING:-d}"\nD=\\$A\nE="\\$A"\nF=$$A\nOUT=inner\nG=${OUT}\n',
      { OUT: 'outer' },
    );
    expect(vars).toEqual({
      A: '1',
      B: '1-outer',
      C: '1d',
      D: '\\1',
      E: '$A',
      F: '$A',
      OUT: 'inner',
      G: 'inner',
    });
  });

  it('warns about unset variables, at their column', () => {
    const { vars, diags } = parse('A=x\nB=a $NOPE\n');
    expect(vars.B).toBe('a ');
    expect(diags).toMatchObject([
      { code: 'interpolate-unset', severity: 'warning', loc: { file: '.env', line: 2, col: 5 } },
    ]);
  });

  it('reports a required variable with the user message and position', () => {
    const { diags } = parse('A=1\nB=${TOKEN:?set TOKEN first}\n');
    expect(diags).toMatchObject([
      {
        code: 'interpolate-required',
        summary: 'required variable TOKEN is missing a value: set TOKEN first',
        loc: { line: 2, col: 3 },
      },
    ]);
  });
});

describe('parseDotenv: errors', () => {
  it('reports a bad character in a name, skips the line, and goes on', () => {
    const { vars, diags } = parse('A=1\nB$=2\nC D=3\nE=4\n');
    expect(vars).toEqual({ A: '1', E: '4' });
    expect(diags.map((d) => [d.code, d.loc?.line, d.loc?.col])).toEqual([
      ['dotenv-syntax', 2, 2],
      ['dotenv-syntax', 3, 1],
    ]);
    expect(diags[1]?.summary).toMatch(/space/);
  });

  it('reports an unterminated quote at the quote', () => {
    const { vars, diags } = parse('A=1\nB="open\nC=2\n');
    expect(vars).toEqual({ A: '1' });
    expect(diags).toMatchObject([{ code: 'dotenv-syntax', loc: { line: 2, col: 3 } }]);
  });

  it('reports a syntax error inside an interpolated value', () => {
    expect(parse('A=${}\n').diags[0]).toMatchObject({
      code: 'interpolate-syntax',
      loc: { line: 1, col: 3 },
    });
  });
});

describe('expandDotenvEscapes', () => {
  it('decodes the escapes Compose decodes and keeps the others', () => {
    expect(expandDotenvEscapes('\\a\\b\\f\\n\\r\\t\\v')).toBe('\x07\b\f\n\r\t\v');
    expect(expandDotenvEscapes('\\$X')).toBe('$$X');
    expect(expandDotenvEscapes('\\c\\q\\u0041')).toBe('\\c\\q\\u0041');
    expect(expandDotenvEscapes('\\0101\\0351')).toBe('Aé');
    expect(expandDotenvEscapes('\\012|\\0|\\0777')).toBe('\\12|\\|\\777');
    expect(expandDotenvEscapes('trailing\\')).toBe('trailing\\');
  });
});
