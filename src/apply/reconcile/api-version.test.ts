import { describe, expect, it } from 'vitest';
import { compareApiVersions, describeApiVersion } from './api-version.js';

describe('compareApiVersions', () => {
  it('compares per component, not as text', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.45', '1.44')).toBeGreaterThan(0);
    expect(compareApiVersions('1.41', '1.41')).toBe(0);
  });

  it('names the Docker release when it knows it', () => {
    expect(describeApiVersion('1.45')).toBe('API 1.45 (Docker 26.0)');
    expect(describeApiVersion('1.99')).toBe('API 1.99');
  });
});
