import type { Action, Plan } from '../apply/types.js';

/** How many operations of each action a plan holds: the summary line and the JSON `summary`. */
export type PlanCounts = Record<Action, number>;

/** Counts of a plan, every action present (zero when none). */
export function planCounts(plan: Plan): PlanCounts {
  const counts: PlanCounts = { create: 0, replace: 0, start: 0, remove: 0, unchanged: 0 };
  for (const op of plan.operations) counts[op.action]++;
  return counts;
}

/**
 * Whether applying the plan would change anything: what `plan --detailed-exitcode` reports (2)
 * and what lets `up` skip the executor.
 */
export function planHasChanges(plan: Plan): boolean {
  return plan.operations.some((op) => op.action !== 'unchanged');
}
