import { describe, expect, it } from 'vitest';
import {
  apiAtLeast,
  CLIENT_MAX_API_VERSION,
  compareApiVersions,
  negotiateApiVersion,
} from './api-version.js';

describe('API versions', () => {
  it('compares components as numbers, not text', () => {
    expect(compareApiVersions('1.9', '1.41')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.41')).toBe(0);
    expect(compareApiVersions('1.44', '1.41')).toBeGreaterThan(0);
    expect(apiAtLeast('1.45', '1.45')).toBe(true);
    expect(apiAtLeast('1.41', '1.44')).toBe(false);
  });

  it("speaks an older engine's version, and caps a newer one at nestc's", () => {
    expect(negotiateApiVersion('1.41')).toBe('1.41');
    expect(negotiateApiVersion('1.51')).toBe(CLIENT_MAX_API_VERSION);
  });

  it('lets DOCKER_API_VERSION pin the version', () => {
    expect(negotiateApiVersion('1.41', '1.40')).toBe('1.40');
  });
});
