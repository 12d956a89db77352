import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { CAST_ROOT, castAt, castChild, castValue, type CastKind, type CastNode } from './cast.js';
import { readYaml } from './read-yaml.js';

/** The cast kind at a concrete path (numbers are list indices), as the walker would find it. */
function kindAt(...path: (string | number)[]): string | undefined {
  let n: CastNode | undefined = CAST_ROOT;
  for (const seg of path) {
    n = n && castChild(n, seg);
    if (!n) return undefined;
  }
  return n.cast;
}

describe('cast table', () => {
  it('covers service fields, list items and wildcard keys', () => {
    expect(kindAt('services', 'web', 'read_only')).toBe('bool');
    expect(kindAt('services', 'web', 'cpus')).toBe('float');
    expect(kindAt('services', 'web', 'ports', 0, 'target')).toBe('int');
    expect(kindAt('services', 'web', 'ulimits', 'nofile')).toBe('int');
    expect(kindAt('services', 'web', 'ulimits', 'nofile', 'soft')).toBe('int');
    expect(kindAt('services', 'web', 'depends_on', 'db', 'required')).toBe('bool');
    expect(kindAt('services', 'web', 'deploy', 'restart_policy', 'max_attempts')).toBe('int');
    expect(kindAt('networks', 'n', 'enable_ipv4')).toBe('bool');
    expect(kindAt('configs', 'c', 'external')).toBe('bool');
  });

  it('does not cast published ports, list-only paths given a key, or other places', () => {
    expect(kindAt('services', 'web', 'ports', 0, 'published')).toBeUndefined();
    expect(kindAt('services', 'web', 'volumes', 'x', 'read_only')).toBeUndefined();
    expect(kindAt('services', 'web', 'environment', 'tty')).toBeUndefined();
    expect(kindAt('x-tty', 'tty')).toBeUndefined();
    expect(kindAt('read_only')).toBeUndefined();
  });

  it('applies inside x-nest blocks, at any depth', () => {
    const nest = ['services', 'a', 'x-nest'];
    expect(kindAt(...nest, 'services', 'b', 'tty')).toBe('bool');
    expect(kindAt(...nest, 'networks', 'n', 'internal')).toBe('bool');
    expect(kindAt(...nest, 'services', 'b', 'x-nest', 'services', 'c', 'scale')).toBe('int');
    expect(kindAt('x-nest', 'services', 'b', 'tty')).toBeUndefined();
  });
});

describe('castValue', () => {
  it('parses integers as Go strconv.Atoi does', () => {
    expect(castValue('int', '42')).toEqual({ value: 42 });
    expect(castValue('int', '-7')).toEqual({ value: -7 });
    expect(castValue('int', '+007')).toEqual({ value: 7 });
    for (const bad of ['', ' 1', '1 ', '1.0', '1e3', '0x10', '1_000', '9223372036854775808']) {
      expect(castValue('int', bad), bad).toBeUndefined();
    }
    expect(castValue('int', '9223372036854775807')).toBeDefined();
  });

  it('parses floats', () => {
    expect(castValue('float', '1.5')).toEqual({ value: 1.5 });
    expect(castValue('float', '.5')).toEqual({ value: 0.5 });
    expect(castValue('float', '2')).toEqual({ value: 2 });
    expect(castValue('float', '1e-3')).toEqual({ value: 0.001 });
    for (const bad of ['half', '', '1.5.0', ' 1', 'inf', 'NaN', '0x1p4', '1e400']) {
      expect(castValue('float', bad), bad).toBeUndefined();
    }
  });

  it('reads booleans case-insensitively; YAML 1.1 spellings are flagged', () => {
    expect(castValue('bool', 'TRUE')).toEqual({ value: true });
    expect(castValue('bool', 'False')).toEqual({ value: false });
    for (const t of ['y', 'Yes', 'ON'])
      expect(castValue('bool', t)).toEqual({ value: true, legacy: true });
    for (const f of ['n', 'NO', 'off'])
      expect(castValue('bool', f)).toEqual({ value: false, legacy: true });
    expect(castValue('bool', '1')).toBeUndefined();
    expect(castValue('bool', '')).toBeUndefined();
  });
});

describe('castAt', () => {
  type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Casts the string at `path` below a parsed document, as the interpolation walker does. */
  function castIn(yaml: string, kind: CastKind, ...path: (string | number)[]) {
    const diags = new Diagnostics();
    const root = readYaml(yaml, 'compose.yaml', diags).docs[0] as Tree;
    const key = path.pop() as string | number;
    const holder = path.reduce<Tree>((c, k) => c[k], root);
    const value = castAt(kind, holder[key], { root, holder, key }, diags);
    return { value, diags: diags.items };
  }

  it('returns the cast value, with no diagnostic', () => {
    const r = castIn('services: {web: {scale: "3"}}\n', 'int', 'services', 'web', 'scale');
    expect(r).toEqual({ value: 3, diags: [] });
  });

  it('reports a string that does not cast, with its path, at the value', () => {
    const { value, diags } = castIn(
      'services:\n  web:\n    scale: lots\n',
      'int',
      'services',
      'web',
      'scale',
    );
    expect(value).toBe('lots');
    expect(diags).toEqual([
      {
        code: 'interpolate-cast',
        severity: 'error',
        summary: 'services.web.scale: expected an integer, got "lots"',
        hint: 'write a whole number such as `2` (digits only)',
        loc: expect.objectContaining({ file: 'compose.yaml', line: 3, col: 12 }),
      },
    ]);
  });

  it('names list indices and unusual keys in the path', () => {
    const yaml = 'services:\n  my.app:\n    ports: [{target: 80}, {target: "80/tcp"}]\n';
    const { diags } = castIn(yaml, 'int', 'services', 'my.app', 'ports', 1, 'target');
    expect(diags[0]?.summary).toBe(
      'services["my.app"].ports[1].target: expected an integer, got "80/tcp"',
    );
  });

  it('words the expected type by kind', () => {
    const yaml = 'services: {web: {cpus: half, tty: maybe}}\n';
    expect(castIn(yaml, 'float', 'services', 'web', 'cpus').diags[0]?.summary).toBe(
      'services.web.cpus: expected a number, got "half"',
    );
    expect(castIn(yaml, 'bool', 'services', 'web', 'tty').diags[0]).toMatchObject({
      summary: 'services.web.tty: expected a boolean, got "maybe"',
      hint: 'write `true` or `false`',
    });
  });

  it('casts a YAML 1.1 boolean with a warning', () => {
    const r = castIn('services: {web: {tty: "on"}}\n', 'bool', 'services', 'web', 'tty');
    expect(r.value).toBe(true);
    expect(r.diags).toMatchObject([{ code: 'interpolate-legacy-boolean', severity: 'warning' }]);
  });
});
