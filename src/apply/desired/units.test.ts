import { describe, expect, it } from 'vitest';
import {
  parseBytes,
  parseDecimal,
  parseDurationNs,
  parseInteger,
  parseMicroseconds,
} from './units.js';

describe('units', () => {
  it('reads sizes in binary units as Compose does, case-insensitive', () => {
    expect(parseBytes('64m')).toEqual({ ok: true, value: 64 * 1024 ** 2 });
    expect(parseBytes('1.5GiB')).toEqual({ ok: true, value: 1.5 * 1024 ** 3 });
    expect(parseBytes('512kb')).toEqual({ ok: true, value: 512 * 1024 });
    expect(parseBytes('100')).toEqual({ ok: true, value: 100 });
    expect(parseBytes(2048)).toEqual({ ok: true, value: 2048 });
    expect(parseBytes('ten').ok).toBe(false);
  });

  it('reads integers and decimals from numbers or numeric strings only', () => {
    expect(parseInteger('42')).toEqual({ ok: true, value: 42 });
    expect(parseInteger(1.5).ok).toBe(false);
    expect(parseDecimal('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseDecimal('half').ok).toBe(false);
  });

  it('reads durations as nanoseconds and realtime periods as microseconds', () => {
    expect(parseDurationNs('1m30s')).toEqual({ ok: true, value: 90e9 });
    expect(parseDurationNs('soon').ok).toBe(false);
    expect(parseMicroseconds('950ms')).toEqual({ ok: true, value: 950_000 });
    expect(parseMicroseconds(1000)).toEqual({ ok: true, value: 1000 });
  });
});
