import type { Action, Operation, Plan } from '../apply/types.js';
import { portLine } from './compile-header.js';
import { planCounts, planHasChanges } from './plan-summary.js';

export interface PlanTextOptions {
  color: boolean;
}

const ANSI = {
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  red: '\u001b[31m',
  cyan: '\u001b[36m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
};

/** Terraform's markers: what happens to an object, readable at a glance down the left edge. */
const MARKER: Record<Exclude<Action, 'unchanged'>, { sign: string; color: keyof typeof ANSI }> = {
  create: { sign: '+', color: 'green' },
  replace: { sign: '-/+', color: 'yellow' },
  start: { sign: '~', color: 'cyan' },
  remove: { sign: '-', color: 'red' },
};

/**
 * The human view of a plan (`nestc plan`, and what `up` prints first), in Terraform's shape:
 * one line per object that changes, with its nest path and why; unchanged objects as a count;
 * the port map; a summary line. Deterministic (the plan's order), so tests assert this text.
 *
 *   + create network ci_agent-default
 *   -/+ replace container ci-agent-db-1 (agent/db): configuration changed (config hash)
 *   - remove container ci-old-1 (old): orphan
 *   3 unchanged
 *
 *   Ports (nest path and entry: host port as written, host port it got, protocol):
 *     agent/db ports[0]: 127.0.0.1:5432 -> 5432/tcp
 *
 *   Plan: 1 to create, 1 to replace, 1 to remove.
 */
export function planText(plan: Plan, opts: PlanTextOptions): string {
  const c = (color: keyof typeof ANSI, s: string): string =>
    opts.color ? `${ANSI[color]}${s}${ANSI.reset}` : s;
  const lines: string[] = [];
  for (const op of plan.operations) {
    if (op.action === 'unchanged') continue;
    const m = MARKER[op.action];
    lines.push(`${c(m.color, m.sign)} ${operationLine(op)}`);
  }
  const counts = planCounts(plan);
  if (counts.unchanged > 0) lines.push(`${counts.unchanged} unchanged`);
  if (lines.length > 0) lines.push('');
  if (plan.ports.length === 0) {
    lines.push('Ports: none published');
  } else {
    lines.push('Ports (nest path and entry: host port as written, host port it got, protocol):');
    for (const p of plan.ports) lines.push(`  ${portLine(p)}`);
  }
  lines.push('');
  lines.push(c('bold', summaryLine(plan)));
  return lines.join('\n') + '\n';
}

/** `replace container ci-web-1 (web): network ci_default missing`, without the marker. */
function operationLine(op: Operation): string {
  const label = op.kind === 'container' && op.label !== '' ? ` (${op.label})` : '';
  const why = op.causes.length > 0 ? `: ${op.causes.join('; ')}` : '';
  return `${op.action} ${op.kind} ${op.name}${label}${why}`;
}

/** `Plan: 2 to create, 1 to replace, 0 to remove.`, or the no-changes sentence. */
export function summaryLine(plan: Plan): string {
  if (!planHasChanges(plan)) return 'No changes. The project matches the nestfile.';
  const n = planCounts(plan);
  const start = n.start > 0 ? `, ${n.start} to start` : '';
  return `Plan: ${n.create} to create, ${n.replace} to replace${start}, ${n.remove} to remove.`;
}
