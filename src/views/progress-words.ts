import type { ApplyEvent } from '../apply/execute/events.js';
import type { Action, Operation } from '../apply/types.js';

/**
 * The words the three progress views share, so a TTY line, a plain line and the docs say the
 * same thing: which object, and what happened to it.
 */

/** `container ci-agent-db-1 (agent/db)`, `network ci_default`. */
export function subject(op: Operation): string {
  const path = op.kind === 'container' && op.label !== '' ? ` (${op.label})` : '';
  return `${op.kind} ${op.name}${path}`;
}

/** What a finished operation did, as one word. */
export function doneWord(action: Action): string {
  return {
    create: 'created',
    replace: 'recreated',
    start: 'started',
    remove: 'removed',
    unchanged: 'unchanged',
  }[action];
}

/** `1.2s`, `35ms`: how long an operation took. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

/** What an event says about its object, without the object: the status part of a line. */
export function eventStatus(e: ApplyEvent): string {
  switch (e.type) {
    case 'op-start':
    case 'op-wait':
      return e.step;
    case 'op-done':
      return `${doneWord(e.op.action)} (${duration(e.ms)})`;
    case 'op-failed':
      return `failed: ${e.message}`;
    case 'op-skipped':
      return `skipped: ${e.reason}`;
    case 'rollback':
      return `rollback: ${e.step}`;
    case 'op-ready':
      return e.state;
  }
}
