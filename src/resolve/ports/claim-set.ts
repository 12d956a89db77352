import type { Claim } from './claims.js';
import { hostAddressesOverlap } from './host-address.js';
import { spansOverlap, type PortSpan } from './port-span.js';

/**
 * The claims made so far, kept or moved. "Free" in rule 5 means free against this set only:
 * a claim later in claim order that wants the same port is the one that moves.
 */
export class ClaimSet {
  private readonly claims: Claim[] = [];

  add(claim: Claim): void {
    this.claims.push(claim);
  }

  /** The earliest claim that `span` of `claim` (its protocol and address) would collide with. */
  firstConflict(claim: Claim, span: PortSpan = claim.span): Claim | undefined {
    return this.claims.find(
      (c) =>
        c.protocol === claim.protocol &&
        spansOverlap(c.span, span) &&
        hostAddressesOverlap(c.hostIp, claim.hostIp),
    );
  }
}
