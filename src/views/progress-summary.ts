import type { DownPlan } from '../apply/down/down-plan.js';
import type { ResourceKind } from '../apply/types.js';

/**
 * The last line of `down`: what it removed, or that there was nothing; after a failure, what
 * it meant to remove (the errors above say what stayed).
 *
 *   Removed 3 containers, 2 networks and 1 volume of project "ci".
 */
export function downSummary(plan: DownPlan, ok: boolean): string {
  const counts: Record<ResourceKind, number> = { container: 0, network: 0, volume: 0 };
  for (const op of plan.operations) counts[op.kind]++;
  const parts = (['container', 'network', 'volume'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}${counts[k] === 1 ? '' : 's'}`);
  if (parts.length === 0) return `Nothing to remove for project "${plan.project}".\n`;
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return ok
    ? `Removed ${list} of project "${plan.project}".\n`
    : `Failed to remove all of project "${plan.project}" (${list} planned); see the errors above.\n`;
}
