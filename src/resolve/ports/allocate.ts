import type { NestNode, PortMapEntry, ResolveContext, Scope } from '../types.js';
import { ClaimSet } from './claim-set.js';
import { collectClaimGroups, type Claim, type ClaimGroup } from './claims.js';
import { bindingText, claimName, entryPath } from './describe-claim.js';
import { foreignClaims } from './foreign-claims.js';
import { placeGroup } from './place-group.js';
import { formatSpan, shiftSpan } from './port-span.js';
import { checkReplicaPorts } from './replicas.js';

/** The allocation range when `--port-range` is not given. */
export const DEFAULT_PORT_RANGE = { from: 20000, to: 29999 } as const;

/**
 * Rule 5: one host-wide claim set; later conflicting claims move (or fail with strict ports).
 *
 * Claims are taken in claim order (see `collectClaimGroups`); the first claimant keeps its
 * written port, and each later group that collides moves as one block, to last time's port
 * when free, else to the lowest free block of the allocation range. The new `published` is
 * written into the PortConfig in place, so it keeps its source position. Returns the port map:
 * one entry per claim, in claim order, saying why each moved one moved.
 */
export function allocatePorts(root: Scope, ctx: ResolveContext): PortMapEntry[] {
  const taken = new ClaimSet();
  for (const f of foreignClaims(ctx.options.foreignPorts ?? [])) taken.add(f);
  const reasons = new Map<Claim, string>();
  const claims: Claim[] = [];
  for (const group of collectClaimGroups(root)) {
    checkReplicaPorts(group, ctx);
    claims.push(...group.members);
    const conflict = firstConflict(group, taken);
    if (conflict) {
      const reason = resolveConflict(group, conflict, taken, ctx);
      if (reason) for (const c of group.members) reasons.set(c, reason);
    }
    for (const c of group.members) taken.add(c);
  }
  // Groups come in claim order, but the halves of one mapping need not be adjacent entries.
  const rank = new Map<NestNode, number>();
  for (const c of claims) if (!rank.has(c.node)) rank.set(c.node, rank.size);
  claims.sort((a, b) => (rank.get(a.node) ?? 0) - (rank.get(b.node) ?? 0) || a.index - b.index);
  return claims.map((c) => portMapEntry(c, reasons.get(c)));
}

/** The first member of `group` that collides, and with which earlier claim. */
function firstConflict(
  group: ClaimGroup,
  taken: ClaimSet,
): { claim: Claim; with: Claim } | undefined {
  for (const claim of group.members) {
    const hit = taken.firstConflict(claim);
    if (hit) return { claim, with: hit };
  }
  return undefined;
}

/**
 * Move `group` out of the way of `conflict.with`, or report why it cannot move. Returns the
 * reason for the port map when it moved.
 */
function resolveConflict(
  group: ClaimGroup,
  conflict: { claim: Claim; with: Claim },
  taken: ClaimSet,
  ctx: ResolveContext,
): string | undefined {
  const { claim, with: other } = conflict;
  // Only an error needs these (most conflicts move): made on demand.
  const clash = (): string =>
    `${bindingText(claim)} is already published by ${claimName(other)} (${bindingText(other)})`;
  const related = (): { message: string; loc?: NonNullable<Claim['loc']> }[] => [
    { message: `${claimName(other)} claims it first`, ...locOf(other) },
  ];
  if (other.foreign !== undefined && group.node.depth === 0) {
    // The user wrote this root port for themselves (to reach it from the host): moving it
    // silently would break that, so it is theirs to free or change.
    ctx.diags.error('nest-port-held-outside', `${entryPath(claim)}: ${clash()}`, claim.loc, {
      hint: `stop container "${other.foreign}" or publish another port; nestc moves only nested ports`,
    });
    return undefined;
  }
  if (ctx.options.strictPorts) {
    ctx.diags.error('nest-port-conflict', `${entryPath(claim)}: ${clash()}`, claim.loc, {
      hint: 'publish another host port, or drop --strict-ports to let nestc move the later claim',
      related: related(),
    });
    return undefined;
  }
  const range = ctx.options.portRange ?? DEFAULT_PORT_RANGE;
  const place = placeGroup(group, taken, range, ctx.options.previousPorts);
  if (!place) {
    const width =
      Math.max(...group.members.map((c) => c.span.end)) -
      Math.min(...group.members.map((c) => c.span.start)) +
      1;
    const what = width === 1 ? 'port' : `block of ${width} ports`;
    ctx.diags.error(
      'nest-port-range-exhausted',
      `${entryPath(claim)}: ${clash()}, and no free ${what} is left in ${range.from}-${range.to} to move it to`,
      claim.loc,
      {
        hint: 'widen the allocation range with --port-range A-B, or publish fewer host ports',
        related: related(),
      },
    );
    return undefined;
  }
  for (const c of group.members) {
    c.span = shiftSpan(c.span, place.shift);
    c.config.published = formatSpan(c.span);
  }
  const reason = `conflict with ${claimName(other)} (${bindingText(other)})`;
  return place.previous ? `${reason}; given the port it had last time` : reason;
}

function locOf(c: Claim): { loc?: NonNullable<Claim['loc']> } {
  return c.loc ? { loc: c.loc } : {};
}

function portMapEntry(c: Claim, reason: string | undefined): PortMapEntry {
  return {
    nestPath: c.node.nestPath,
    service: c.node.flatName,
    index: c.index,
    protocol: c.protocol,
    hostIp: c.hostIp,
    target: c.config.target,
    written: c.written,
    published: String(c.config.published),
    ...(reason ? { reason } : {}),
    ...locOf(c),
  };
}
