import type { Claim } from './claims.js';
import { hostAddressesOverlap } from './host-address.js';
import type { PortSpan } from './port-span.js';

/**
 * The claims made so far, kept or moved. "Free" in rule 5 means free against this set only:
 * a claim later in claim order that wants the same port is the one that moves.
 *
 * Indexed by protocol and host port, so a lookup costs the claims on the ports it asks about,
 * not every claim of the graph: a graph of thousands of published ports, most of them moved
 * into the allocation range, would otherwise be quadratic (or worse, see `lowestFree`). A
 * claim's span is read when it is added; the allocator adds a claim only once it has its
 * final place.
 */
export class ClaimSet {
  private readonly claims: Claim[] = [];
  /** Protocol → host port → indexes (into `claims`, ascending) of the claims holding it. */
  private readonly byPort = new Map<string, Map<number, number[]>>();
  /** Per protocol and host address asked about: `lowestFree`'s skip pointers. */
  private readonly blocked = new Map<string, Blocked>();

  add(claim: Claim): void {
    const seq = this.claims.length;
    this.claims.push(claim);
    let ports = this.byPort.get(claim.protocol);
    if (!ports) this.byPort.set(claim.protocol, (ports = new Map()));
    for (let p = claim.span.start; p <= claim.span.end; p++) {
      const list = ports.get(p);
      if (list) list.push(seq);
      else ports.set(p, [seq]);
    }
    for (const b of this.blocked.values()) {
      if (b.protocol === claim.protocol && hostAddressesOverlap(claim.hostIp, b.hostIp)) {
        b.mark(claim.span);
      }
    }
  }

  /** The earliest claim that `span` of `claim` (its protocol and address) would collide with. */
  firstConflict(claim: Claim, span: PortSpan = claim.span): Claim | undefined {
    const ports = this.byPort.get(claim.protocol);
    if (!ports) return undefined;
    let first = -1;
    for (let p = span.start; p <= span.end; p++) {
      for (const seq of ports.get(p) ?? []) {
        if (first !== -1 && seq >= first) break;
        if (hostAddressesOverlap(this.claims[seq]?.hostIp, claim.hostIp)) {
          first = seq;
          break;
        }
      }
    }
    return first === -1 ? undefined : this.claims[first];
  }

  /**
   * The lowest host port at or above `from` that no claim of `protocol` on an address
   * overlapping `hostIp` holds. Every port skipped collides, so a search for a free block can
   * start its member there; without this, each moved claim would step past every claim moved
   * before it, one lookup each.
   */
  lowestFree(protocol: string, hostIp: string, from: number): number {
    const key = `${protocol}\u0000${hostIp}`;
    let b = this.blocked.get(key);
    if (!b) {
      b = new Blocked(protocol, hostIp);
      for (const c of this.claims) {
        if (c.protocol === protocol && hostAddressesOverlap(c.hostIp, hostIp)) b.mark(c.span);
      }
      this.blocked.set(key, b);
    }
    return b.next(from);
  }
}

/**
 * The ports held against one protocol and host address, as skip pointers: `skip.get(p)` is set
 * exactly when port `p` is held, to a port above `p` with every port between them held too
 * (path compression keeps repeated searches short).
 */
class Blocked {
  private readonly skip = new Map<number, number>();

  constructor(
    readonly protocol: string,
    readonly hostIp: string,
  ) {}

  mark(span: PortSpan): void {
    for (let p = span.start; p <= span.end; p++) if (!this.skip.has(p)) this.skip.set(p, p + 1);
  }

  next(from: number): number {
    let p = from;
    const seen: number[] = [];
    for (let q = this.skip.get(p); q !== undefined; q = this.skip.get(p)) {
      seen.push(p);
      p = q;
    }
    for (const s of seen) this.skip.set(s, p);
    return p;
  }
}
