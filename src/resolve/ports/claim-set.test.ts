import { describe, expect, it } from 'vitest';
import { ClaimSet } from './claim-set.js';
import type { Claim } from './claims.js';

/** A bare claim: only what the claim set reads (protocol, address, span). */
function claim(name: string, hostIp: string, start: number, end = start, protocol = 'tcp'): Claim {
  return { index: 0, protocol, hostIp, written: name, span: { start, end } } as unknown as Claim;
}

describe('ClaimSet', () => {
  it('gives the earliest added conflicting claim, not the one on the lowest port', () => {
    const set = new ClaimSet();
    set.add(claim('late-port', '', 8001));
    set.add(claim('low-port', '', 8000));
    expect(set.firstConflict(claim('q', '', 8000, 8001))?.written).toBe('late-port');
  });

  it('skips claims on other protocols and on addresses that do not overlap', () => {
    const set = new ClaimSet();
    set.add(claim('udp', '', 8000, 8000, 'udp'));
    set.add(claim('v6', '::1', 8000));
    set.add(claim('v4', '127.0.0.1', 8000));
    expect(set.firstConflict(claim('q', '::1', 8000))?.written).toBe('v6');
    expect(set.firstConflict(claim('q', '10.0.0.1', 8000))).toBeUndefined();
    expect(set.firstConflict(claim('q', '0.0.0.0', 8000))?.written).toBe('v4');
  });

  it('finds a range claim from any port it holds', () => {
    const set = new ClaimSet();
    set.add(claim('range', '', 9000, 9010));
    expect(set.firstConflict(claim('q', '127.0.0.1', 9005))?.written).toBe('range');
    expect(set.firstConflict(claim('q', '', 9011))).toBeUndefined();
  });

  it('gives the lowest port not held against a protocol and address, as claims are added', () => {
    const set = new ClaimSet();
    set.add(claim('a', '', 20000, 20002));
    set.add(claim('b', '127.0.0.1', 20003));
    expect(set.lowestFree('tcp', '::1', 20000)).toBe(20003);
    expect(set.lowestFree('tcp', '127.0.0.1', 20000)).toBe(20004);
    expect(set.lowestFree('udp', '', 20000)).toBe(20000);
    set.add(claim('c', '', 20003, 20004));
    expect(set.lowestFree('tcp', '::1', 20000)).toBe(20005);
    expect(set.lowestFree('tcp', '127.0.0.1', 20001)).toBe(20005);
    expect(set.lowestFree('tcp', '', 19999)).toBe(19999);
  });
});
