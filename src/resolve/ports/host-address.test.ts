import { describe, expect, it } from 'vitest';
import { hostAddressesOverlap, parseHostAddress } from './host-address.js';

describe('hostAddressesOverlap', () => {
  // [a, b, overlap]: the table of rule 5, both directions are checked below.
  const table: [string, string, boolean][] = [
    ['', '', true],
    ['', '0.0.0.0', true],
    ['', '::', true],
    ['', '127.0.0.1', true],
    ['', '::1', true],
    ['0.0.0.0', '0.0.0.0', true],
    ['0.0.0.0', '127.0.0.1', true],
    ['0.0.0.0', '192.168.1.5', true],
    ['0.0.0.0', '::', true],
    ['0.0.0.0', '::1', false],
    ['0.0.0.0', 'fe80::1', false],
    ['::', '::', true],
    ['::', '127.0.0.1', true],
    ['::', '::1', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['127.0.0.1', '::1', false],
    ['::1', '::1', true],
    ['::1', 'fe80::1', false],
    ['::1', '0:0:0:0:0:0:0:1', true],
    ['[::1]', '::1', true],
    ['::ffff:127.0.0.1', '127.0.0.1', true],
    ['0:0::0', '10.0.0.1', true],
  ];
  for (const [a, b, want] of table) {
    it(`"${a}" vs "${b}": ${want ? 'overlap' : 'no overlap'}`, () => {
      expect(hostAddressesOverlap(a, b)).toBe(want);
      expect(hostAddressesOverlap(b, a)).toBe(want);
    });
  }

  it('treats a missing host_ip as all addresses', () => {
    expect(hostAddressesOverlap(undefined, '::1')).toBe(true);
  });
});

describe('parseHostAddress', () => {
  it('canonicalizes IPv6 spellings', () => {
    expect(parseHostAddress('FE80:0:0::0001')).toEqual({ kind: 'v6', ip: 'fe80::1' });
  });

  it('reads an IPv4-mapped 0.0.0.0 as any IPv4 address', () => {
    expect(parseHostAddress('::ffff:0.0.0.0')).toEqual({ kind: 'any4' });
  });
});
