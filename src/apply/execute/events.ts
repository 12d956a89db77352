import type { Operation } from '../types.js';

/**
 * What the executor reports as it goes: the progress views (TTY, plain lines, JSON events) are
 * three renderings of this one stream, so `up` output and tests see the same facts.
 */
export type ApplyEvent =
  | { type: 'op-start'; op: Operation; step: string }
  | { type: 'op-wait'; op: Operation; step: string }
  | { type: 'op-done'; op: Operation; ms: number }
  | { type: 'op-failed'; op: Operation; message: string }
  | { type: 'op-skipped'; op: Operation; reason: string }
  | { type: 'rollback'; op: Operation; step: string };
