import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_DEPTH, substitute, type TemplateProblem } from './template.js';

function run(s: string, env: Record<string, string> = {}) {
  const unset: { name: string; start: number; end: number }[] = [];
  const problems: TemplateProblem[] = [];
  const value = substitute(s, {
    lookup: (n) => (Object.hasOwn(env, n) ? env[n] : undefined),
    unset: (name, start, end) => unset.push({ name, start, end }),
    problem: (p) => problems.push(p),
  });
  return { value, unset, problems };
}

const ENV = { SET: 'v', EMPTY: '', lower_1: 'low' };

describe('substitute: plain forms', () => {
  it('replaces $NAME and ${NAME}, taking the longest name', () => {
    expect(run('a $SET b ${SET} c', ENV).value).toBe('a v b v c');
    expect(run('$SETx', { SETx: 'long', SET: 'short' }).value).toBe('long');
    expect(run('$SET-x $SET.y', ENV).value).toBe('v-x v.y');
    expect(run('${lower_1}/$lower_1', ENV).value).toBe('low/low');
  });

  it('turns $$ into $ and does not interpolate after it', () => {
    expect(run('$$SET $${SET} $$$SET', ENV).value).toBe('$SET ${SET} $v');
  });

  it('keeps a $ that starts nothing', () => {
    const r = run('cost $5, a $ b, end $', ENV);
    expect(r.value).toBe('cost $5, a $ b, end $');
    expect(r.problems).toEqual([]);
  });

  it('leaves a string without $ untouched (same string)', () => {
    const s = 'no dollars here';
    expect(run(s).value).toBe(s);
  });

  it('replaces an unset variable with empty and reports it with its span', () => {
    const r = run('x${NOPE}y $ALSO', ENV);
    expect(r.value).toBe('xy ');
    expect(r.unset).toEqual([
      { name: 'NOPE', start: 1, end: 8 },
      { name: 'ALSO', start: 10, end: 15 },
    ]);
  });

  it('an empty variable is set: no report', () => {
    const r = run('[${EMPTY}]', ENV);
    expect(r.value).toBe('[]');
    expect(r.unset).toEqual([]);
  });
});

describe('substitute: modifiers, unset vs empty', () => {
  const cases: [string, string][] = [
    ['${SET:-d}', 'v'],
    ['${EMPTY:-d}', 'd'],
    ['${NOPE:-d}', 'd'],
    ['${SET-d}', 'v'],
    ['${EMPTY-d}', ''],
    ['${NOPE-d}', 'd'],
    ['${SET:+a}', 'a'],
    ['${EMPTY:+a}', ''],
    ['${NOPE:+a}', ''],
    ['${SET+a}', 'a'],
    ['${EMPTY+a}', 'a'],
    ['${NOPE+a}', ''],
    ['${SET:?m}', 'v'],
    ['${SET?m}', 'v'],
    ['${EMPTY?m}', ''],
    ['${NOPE:-}', ''],
    ['${NOPE:-a b:c-d}', 'a b:c-d'],
    ['${NOPE-x:-y}', 'x:-y'],
  ];
  for (const [tpl, want] of cases) {
    it(`${tpl} → ${JSON.stringify(want)}`, () => {
      const r = run(tpl, ENV);
      expect(r.value).toBe(want);
      expect(r.problems).toEqual([]);
      expect(r.unset).toEqual([]);
    });
  }

  it('${X:?msg} fails when unset or empty, ${X?msg} only when unset', () => {
    expect(run('${NOPE:?need it}', ENV).problems).toEqual([
      { kind: 'required', start: 0, end: 16, name: 'NOPE', reason: 'need it' },
    ]);
    expect(run('${EMPTY:?e}', ENV).problems[0]).toMatchObject({ kind: 'required', name: 'EMPTY' });
    expect(run('${NOPE?}', ENV).problems[0]).toMatchObject({ name: 'NOPE', reason: '' });
    expect(run('${EMPTY?e}', ENV).problems).toEqual([]);
  });

  it('reports every failing variable of a string', () => {
    const r = run('${A:?one} and ${B?two}', ENV);
    expect(r.problems.map((p) => (p.kind === 'required' ? p.name : p.kind))).toEqual(['A', 'B']);
  });
});

describe('substitute: nesting', () => {
  it('interpolates defaults and alternatives', () => {
    expect(run('${NOPE:-${SET}}', ENV).value).toBe('v');
    expect(run('${NOPE:-${ALSO:-x}}', ENV).value).toBe('x');
    expect(run('${SET:+[${SET}]}', ENV).value).toBe('[v]');
    expect(run('${NOPE:-$SET/x}', ENV).value).toBe('v/x');
    expect(run('${NOPE:-a}${NOPE:-b}-${SET}', ENV).value).toBe('ab-v');
  });

  it('interpolates the message of a required variable', () => {
    expect(run('${NOPE:?set $SET}', ENV).problems[0]).toMatchObject({ reason: 'set v' });
  });

  it('evaluates the default even when it is not used, as Compose does', () => {
    const r = run('${SET:-${INNER}}', ENV);
    expect(r.value).toBe('v');
    expect(r.unset.map((u) => u.name)).toEqual(['INNER']);
    expect(run('${SET:-${INNER:?x}}', ENV).problems[0]).toMatchObject({ name: 'INNER' });
  });

  it('keeps $$ inside a default literal', () => {
    expect(run('${NOPE:-$$HOME}', ENV).value).toBe('$HOME');
  });

  it('takes unbalanced braces in a default as Compose does', () => {
    expect(run('${NOPE:-{x}', ENV).value).toBe('{x');
    expect(run('${NOPE:-a}}', ENV).value).toBe('a}');
  });

  it('refuses nesting deeper than the limit instead of overflowing', () => {
    const deep = '${A:-'.repeat(MAX_TEMPLATE_DEPTH + 2) + 'x' + '}'.repeat(MAX_TEMPLATE_DEPTH + 2);
    const r = run(deep);
    expect(r.problems.some((p) => p.kind === 'syntax' && /deeper/.test(p.message))).toBe(true);
    const ok = '${A:-'.repeat(10) + 'x' + '}'.repeat(10);
    expect(run(ok).value).toBe('x');
  });
});

describe('substitute: syntax errors', () => {
  const bad: [string, RegExp][] = [
    ['${}', /variable name/],
    ['${1A}', /variable name/],
    ['${VAR', /not closed/],
    ['${VAR:-x', /not closed/],
    ['${VAR:-x\n}', /not closed/],
    ['${VAR:x}', /unsupported modifier ":x"/],
    ['${VAR:}', /unsupported modifier/],
    ['${VAR=x}', /unexpected "="/],
    ['${VAR x}', /unexpected " "/],
    ['${VAR/a/b}', /unexpected "\/"/],
  ];
  for (const [tpl, msg] of bad) {
    it(`${JSON.stringify(tpl)} is a syntax error at the $`, () => {
      const r = run(tpl, ENV);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ kind: 'syntax', start: 0 });
      expect((r.problems[0] as { message: string }).message).toMatch(msg);
    });
  }

  it('reports each bad ${ of a string at its offset', () => {
    const r = run('ok ${SET} ${} and ${X:y}', ENV);
    expect(r.problems.map((p) => p.start)).toEqual([10, 18]);
  });
});
