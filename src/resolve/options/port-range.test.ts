import { describe, expect, it } from 'vitest';
import { parsePortRange } from './port-range.js';

describe('parsePortRange', () => {
  it.each([
    ['20000-29999', 20000, 29999],
    ['1-65535', 1, 65535],
    ['8080-8080', 8080, 8080],
    [' 30000 - 30010 ', 30000, 30010],
  ])('reads %j', (text, from, to) => {
    expect(parsePortRange(text)).toEqual({ ok: true, value: { from, to } });
  });

  it.each([
    ['20000', 'not a port range: write it as A-B'],
    ['a-b', 'not a port range'],
    ['0x50-0x60', 'not a port range'],
    ['-1-5', 'not a port range'],
    ['0-100', 'port 0 in "0-100" is outside 1-65535'],
    ['60000-70000', 'port 70000 in "60000-70000" is outside 1-65535'],
    ['30000-20000', 'starts after it ends'],
  ])('rejects %j, saying why', (text, message) => {
    const r = parsePortRange(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
