import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FLAT_NAME_MAX, flatKey, flatName } from './flat-name.js';

const VALID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const hash8 = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 8);

describe('flatName', () => {
  it('keeps a root service name as written', () => {
    expect(flatName(['agent'])).toBe('agent');
  });

  it('joins inner nest paths with "-"', () => {
    expect(flatName(['agent', 'db'])).toBe('agent-db');
    expect(flatName(['jenkins', 'agent', 'build'])).toBe('jenkins-agent-build');
  });

  it('keeps a joined name of exactly 63 characters', () => {
    const segs = ['a'.repeat(31), 'b'.repeat(31)];
    expect(flatName(segs)).toBe(`${'a'.repeat(31)}-${'b'.repeat(31)}`);
  });

  it('drops leading segments first past 63 characters and appends a hash of the full path', () => {
    const segs = ['outer'.repeat(6), 'middle'.repeat(5), 'build', 'runner'];
    const name = flatName(segs);
    expect(name).toBe(`${'middle'.repeat(5)}-build-runner-${hash8(segs.join('/'))}`);
    expect(name.length).toBeLessThanOrEqual(FLAT_NAME_MAX);
    expect(name).toMatch(VALID);
  });

  it('gives two long paths with the same tail different names', () => {
    const tail = ['x'.repeat(30), 'y'.repeat(20)];
    const a = flatName(['first'.repeat(4), ...tail]);
    const b = flatName(['other'.repeat(4), ...tail]);
    expect(a).not.toBe(b);
    expect(a.slice(0, -9)).toBe(b.slice(0, -9));
  });

  it('cuts a single over-long last segment from the front', () => {
    const last = `${'q'.repeat(40)}${'z'.repeat(40)}`;
    const name = flatName(['agent', last]);
    expect(name).toBe(`${last.slice(-54)}-${hash8(`agent/${last}`)}`);
    expect(name).toHaveLength(FLAT_NAME_MAX);
  });

  it('never begins with punctuation after trimming', () => {
    const name = flatName(['a'.repeat(60), `_${'b'.repeat(20)}`]);
    expect(name).toMatch(VALID);
    expect(name.startsWith('b')).toBe(true);
  });

  it('is deterministic', () => {
    const segs = ['p'.repeat(40), 'q'.repeat(40)];
    expect(flatName(segs)).toBe(flatName([...segs]));
  });
});

describe('flatKey', () => {
  it('keeps root resource keys and prefixes inner ones with the scope', () => {
    expect(flatKey('', 'default')).toBe('default');
    expect(flatKey('agent', 'default')).toBe('agent-default');
    expect(flatKey('jenkins/agent', 'cache')).toBe('jenkins-agent-cache');
  });
});
