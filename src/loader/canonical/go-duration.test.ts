import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './go-duration.js';

const norm = (s: string) => {
  const r = parseGoDuration(s);
  return r.ok ? formatGoDuration(r.ns) : `error: ${r.message}`;
};

describe('Go durations', () => {
  it('prints what time.Duration.String() prints', () => {
    expect(
      [
        '1m30s',
        '90s',
        '10s',
        '1h',
        '500ms',
        '1.5s',
        '0',
        '1d',
        '1w',
        '2h45m',
        '1us',
        '1500ns',
        '-3s',
        '0.5ms',
      ].map(norm),
    ).toEqual([
      '1m30s',
      '1m30s',
      '10s',
      '1h0m0s',
      '500ms',
      '1.5s',
      '0s',
      '24h0m0s',
      '168h0m0s',
      '2h45m0s',
      '1µs',
      '1.5µs',
      '-3s',
      '500µs',
    ]);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['1m 30s', '90', '', 'abc', '1x', '.s', '10000000000h']) {
      expect(norm(bad)).toMatch(/^error/);
    }
  });
});
