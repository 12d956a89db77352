import { describe, expect, it } from 'vitest';
import { CAST_ROOT, castChild, castValue, type CastNode } from './cast.js';

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
    expect(castValue('float', 'half')).toBeUndefined();
    expect(castValue('float', '')).toBeUndefined();
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
