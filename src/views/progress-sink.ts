import type { ApplyEvent } from '../apply/execute/events.js';
import type { Operation } from '../apply/types.js';
import { jsonEventLine } from './progress-json.js';
import { plainProgressLine } from './progress-plain.js';
import { TtyProgress } from './progress-tty.js';

/** Which progress view: live lines on a terminal, plain lines in logs, JSON Lines for tools. */
export type ProgressMode = 'tty' | 'plain' | 'json';

/** Where the executor's events go while `up` or `down` runs, and how the view ends. */
export interface ProgressSink {
  onEvent: (e: ApplyEvent) => void;
  /** Stop redrawing (the TTY view keeps its last frame on screen). */
  stop: () => void;
}

/**
 * The live view only when stdout is a terminal, colour is allowed and the terminal can move
 * its cursor (`TERM=dumb` cannot); `--json` always gets JSON Lines; anything else plain lines.
 */
export function progressMode(opts: {
  json: boolean;
  color: boolean;
  stdoutTty: boolean;
  term: string | undefined;
}): ProgressMode {
  if (opts.json) return 'json';
  return opts.stdoutTty && opts.color && opts.term !== 'dumb' ? 'tty' : 'plain';
}

/** A sink of the given mode writing to `write`; the TTY view gets the operations up front. */
export function progressSink(
  mode: ProgressMode,
  ops: readonly Operation[],
  write: (s: string) => void,
  tty: { color: boolean; columns: number } = { color: true, columns: 80 },
): ProgressSink {
  if (mode === 'json') return { onEvent: (e) => write(jsonEventLine(e)), stop: () => {} };
  if (mode === 'plain') return { onEvent: (e) => write(plainProgressLine(e)), stop: () => {} };
  const view = new TtyProgress(ops, write, tty);
  view.start();
  return { onEvent: (e) => view.handle(e), stop: () => view.stop() };
}
