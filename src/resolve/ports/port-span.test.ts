import { describe, expect, it } from 'vitest';
import { formatSpan, parseSpan, spansOverlap } from './port-span.js';

describe('port spans', () => {
  it('reads a port, a range, and nothing for an ephemeral port', () => {
    expect(parseSpan('8080')).toEqual({ start: 8080, end: 8080 });
    expect(parseSpan('9000-9010')).toEqual({ start: 9000, end: 9010 });
    expect(parseSpan('')).toBeUndefined();
    expect(parseSpan(undefined)).toBeUndefined();
    expect(parseSpan('9010-9000')).toBeUndefined();
  });

  it('writes a single port without a dash', () => {
    expect(formatSpan({ start: 20000, end: 20000 })).toBe('20000');
    expect(formatSpan({ start: 20000, end: 20010 })).toBe('20000-20010');
  });

  it('overlaps on a shared end port only', () => {
    expect(spansOverlap({ start: 1, end: 5 }, { start: 5, end: 9 })).toBe(true);
    expect(spansOverlap({ start: 1, end: 5 }, { start: 6, end: 9 })).toBe(false);
  });
});
