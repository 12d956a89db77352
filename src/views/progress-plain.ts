import type { ApplyEvent } from '../apply/execute/events.js';
import { eventStatus, subject } from './progress-words.js';

/**
 * The progress of `up` and `down` when stdout is not a terminal (CI logs, pipes): one line per
 * event, never rewritten, so a log reads top to bottom as it happened.
 *
 *   container ci-agent-db-1 (agent/db): creating
 *   container ci-agent-db-1 (agent/db): created (120ms)
 */
export function plainProgressLine(e: ApplyEvent): string {
  return `${subject(e.op)}: ${eventStatus(e)}\n`;
}
