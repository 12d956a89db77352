import type { ClaimSet } from './claim-set.js';
import type { ClaimGroup } from './claims.js';
import { parseSpan, shiftSpan } from './port-span.js';

/** Where a conflicting group goes: how far its ports shift, and whether that is last time's port. */
export interface Placement {
  shift: number;
  previous: boolean;
}

/**
 * A new place for a group that conflicts where it was written (rule 5): the port it was given
 * last time (`previousPorts`, keyed `NEST_PATH#INDEX`) if that is free, else the lowest free
 * block of `range` that fits the whole group with its ports at the same distances. Undefined
 * when nothing fits.
 */
export function placeGroup(
  group: ClaimGroup,
  taken: ClaimSet,
  range: { from: number; to: number },
  previousPorts: ReadonlyMap<string, string> | undefined,
): Placement | undefined {
  const prev = previousShift(group, previousPorts);
  if (prev !== undefined && fits(group, taken, prev)) return { shift: prev, previous: true };
  const base = Math.min(...group.members.map((c) => c.span.start));
  const size = Math.max(...group.members.map((c) => c.span.end)) - base + 1;
  let start = range.from;
  while (start + size - 1 <= range.to) {
    start = pastHeldPorts(group, taken, start, base);
    if (start + size - 1 > range.to) break;
    const shift = start - base;
    const next = nextCandidate(group, taken, shift, base);
    if (next === undefined) return { shift, previous: false };
    start = next;
  }
  return undefined;
}

/**
 * The shift that puts the group back where last time's map had it, read from its first member
 * that has a remembered port of the same width.
 */
function previousShift(
  group: ClaimGroup,
  previousPorts: ReadonlyMap<string, string> | undefined,
): number | undefined {
  if (!previousPorts) return undefined;
  for (const c of group.members) {
    const prev = parseSpan(previousPorts.get(`${c.node.nestPath}#${c.index}`));
    if (!prev) continue;
    if (prev.end - prev.start !== c.span.end - c.span.start) return undefined;
    return prev.start - c.span.start;
  }
  return undefined;
}

function fits(group: ClaimGroup, taken: ClaimSet, shift: number): boolean {
  return group.members.every((c) => {
    const s = shiftSpan(c.span, shift);
    return s.start >= 1 && s.end <= 65535 && !taken.firstConflict(c, s);
  });
}

/**
 * The lowest block start at or above `start` where no member's first port is held by a claim
 * it collides with: every start skipped would conflict, so the lowest free block is still found,
 * without stepping past every earlier moved claim one lookup at a time.
 */
function pastHeldPorts(group: ClaimGroup, taken: ClaimSet, start: number, base: number): number {
  for (let moved = true; moved;) {
    moved = false;
    for (const c of group.members) {
      const offset = c.span.start - base;
      const free = taken.lowestFree(c.protocol, c.hostIp, start + offset) - offset;
      if (free > start) {
        start = free;
        moved = true;
      }
    }
  }
  return start;
}

/**
 * Undefined when the group is free at `shift`; else the first block start worth trying next:
 * just past the claim that was in the way, so a crowded range is skipped claim by claim.
 */
function nextCandidate(
  group: ClaimGroup,
  taken: ClaimSet,
  shift: number,
  base: number,
): number | undefined {
  for (const c of group.members) {
    const hit = taken.firstConflict(c, shiftSpan(c.span, shift));
    if (hit) return hit.span.end + 1 - (c.span.start - base);
  }
  return undefined;
}
