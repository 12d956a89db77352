import { describe, expect, it } from 'vitest';
import { closestKey, editDistance } from './suggest.js';

describe('closestKey', () => {
  const keys = ['image', 'ports', 'restart', 'volumes', 'volumes_from', 'user'];

  it('finds a key one edit away, a swap counting as one', () => {
    expect(closestKey('imagee', keys)).toBe('image');
    expect(closestKey('imgae', keys)).toBe('image');
    expect(closestKey('restrat', keys)).toBe('restart');
  });

  it('matches regardless of case', () => {
    expect(closestKey('Image', keys)).toBe('image');
  });

  it('suggests nothing when no key is close for its length', () => {
    expect(closestKey('usr', ['user', 'ports'])).toBe('user');
    expect(closestKey('colour', keys)).toBeUndefined();
    expect(closestKey('xy', keys)).toBeUndefined();
  });

  it('breaks ties alphabetically, whatever the order of the known keys', () => {
    expect(closestKey('abd', ['abe', 'abc'])).toBe('abc');
    expect(closestKey('abd', ['abc', 'abe'])).toBe('abc');
  });

  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});
