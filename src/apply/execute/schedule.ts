import type { Operation } from '../types.js';

/**
 * One node of the executor's graph. A container that is created or replaced is two nodes, as in
 * docker/compose (which creates every container, then starts them in dependency order): its
 * `create` (setting the old one aside, creating, joining its networks) waits only for what the
 * engine needs to create it, and its `start` waits for that and for its dependencies. So a
 * container is created while its dependencies still start, and the dependency chain holds only
 * starts. Every other operation is one `whole` node.
 */
export interface Step {
  /** The operation's id, with `#create` for a create phase. */
  id: string;
  op: Operation;
  phase: 'create' | 'start' | 'whole';
  after: string[];
}

/**
 * The steps of a plan. A create phase comes after the operation's edges to networks, volumes
 * and removals (a removal frees a name or a host port); its start phase after the create phase
 * and the edges to other containers (their `depends_on` condition is checked when it starts).
 */
export function scheduleSteps(ops: readonly Operation[]): Step[] {
  const byId = new Map(ops.map((o) => [o.id, o]));
  const steps: Step[] = [];
  for (const op of ops) {
    if (op.kind !== 'container' || (op.action !== 'create' && op.action !== 'replace')) {
      steps.push({ id: op.id, op, phase: 'whole', after: op.after });
      continue;
    }
    const forCreate: string[] = [];
    const forStart: string[] = [`${op.id}#create`];
    for (const id of op.after) {
      const other = byId.get(id);
      const beforeCreate = other?.kind !== 'container' || other.action === 'remove';
      (beforeCreate ? forCreate : forStart).push(id);
    }
    steps.push({ id: `${op.id}#create`, op, phase: 'create', after: forCreate });
    steps.push({ id: op.id, op, phase: 'start', after: forStart });
  }
  return steps;
}
