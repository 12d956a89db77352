import type { Operation } from '../types.js';

/**
 * What the executor reports as it goes: the progress views (TTY, plain lines, JSON events) are
 * three renderings of this one stream, so `up` output and tests see the same facts. A `step` is
 * what happens now in a few words (`creating`, `joining ci_default`), without the object's
 * name: the views put the object in front of it.
 */
export type ApplyEvent =
  | { type: 'op-start'; op: Operation; step: string }
  | { type: 'op-wait'; op: Operation; step: string }
  | { type: 'op-done'; op: Operation; ms: number }
  | { type: 'op-failed'; op: Operation; message: string }
  | { type: 'op-skipped'; op: Operation; reason: string }
  | { type: 'rollback'; op: Operation; step: string }
  /** `up --wait`: the container runs (and is healthy, when it has a healthcheck). */
  | { type: 'op-ready'; op: Operation; state: string };
