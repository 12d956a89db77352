import type { ApplyEvent } from '../apply/execute/events.js';
import type { Operation } from '../apply/types.js';
import { duration, eventStatus, subject } from './progress-words.js';

export interface TtyProgressOptions {
  color: boolean;
  /** Terminal width: a line longer than this would wrap and break the redraw. */
  columns: number;
  now?: () => number;
}

type LineState = 'pending' | 'active' | 'done' | 'failed' | 'skipped' | 'rollback';

interface Line {
  op: Operation;
  state: LineState;
  status: string;
  /** When the current step began (active lines show how long it runs). */
  since?: number;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ICON: Record<Exclude<LineState, 'active'>, string> = {
  pending: '·',
  done: '✔',
  failed: '✘',
  skipped: '-',
  rollback: '↺',
};
const COLOR: Record<LineState, string> = {
  pending: '\u001b[2m',
  active: '\u001b[36m',
  done: '\u001b[32m',
  failed: '\u001b[31m',
  skipped: '\u001b[2m',
  rollback: '\u001b[35m',
};
const RESET = '\u001b[0m';

/**
 * The live view of `up` and `down` on a terminal (docker compose's): one line per object that
 * changes, in plan order, each rewritten in place as its operation moves on (pending, the
 * current step with a spinner and its time, then done, failed, skipped or rolled back). An
 * event about an object without a line (an unchanged container that `up --wait` waits for)
 * adds one. Lines are cut to the terminal's width, because a wrapped line would break the
 * cursor arithmetic of the redraw.
 */
export class TtyProgress {
  private readonly lines: Line[];
  private readonly byId = new Map<string, Line>();
  private drawn = 0;
  private tick = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  constructor(
    ops: readonly Operation[],
    private readonly write: (s: string) => void,
    private readonly opts: TtyProgressOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.lines = ops
      .filter((op) => op.action !== 'unchanged')
      .map((op) => ({ op, state: 'pending' as const, status: 'waiting' }));
    for (const l of this.lines) this.byId.set(l.op.id, l);
  }

  /** Draw the first frame, and redraw on a timer so spinners and times move. */
  start(intervalMs = 100): void {
    this.redraw();
    this.timer = setInterval(() => {
      this.tick++;
      if (this.lines.some((l) => l.state === 'active')) this.redraw();
    }, intervalMs);
    this.timer.unref?.();
  }

  handle(e: ApplyEvent): void {
    let line = this.byId.get(e.op.id);
    if (!line) {
      line = { op: e.op, state: 'pending', status: '' };
      this.lines.push(line);
      this.byId.set(e.op.id, line);
    }
    line.status = eventStatus(e);
    line.state = stateOf(e);
    if (line.state === 'active') line.since = this.now();
    this.redraw();
  }

  /** Stop the timer and draw the last frame (it stays on screen). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.redraw();
  }

  /** The current lines, without cursor movement (what the tests read). */
  frame(): string[] {
    const width = Math.max(...this.lines.map((l) => subject(l.op).length), 0);
    return this.lines.map((l) => {
      const icon =
        l.state === 'active' ? (SPINNER[this.tick % SPINNER.length] ?? '*') : ICON[l.state];
      const elapsed =
        l.state === 'active' && l.since !== undefined ? ` ${duration(this.now() - l.since)}` : '';
      const text = cut(
        `${icon} ${subject(l.op).padEnd(width)}  ${l.status}${elapsed}`,
        this.opts.columns - 1,
      );
      return this.opts.color ? `${COLOR[l.state]}${text}${RESET}` : text;
    });
  }

  private redraw(): void {
    if (this.lines.length === 0 && this.drawn === 0) return;
    const up = this.drawn > 0 ? `\u001b[${this.drawn}F` : '';
    const body = this.frame()
      .map((l) => `\u001b[2K${l}\n`)
      .join('');
    this.write(up + body);
    this.drawn = this.lines.length;
  }
}

function stateOf(e: ApplyEvent): LineState {
  switch (e.type) {
    case 'op-start':
    case 'op-wait':
      return 'active';
    case 'op-done':
    case 'op-ready':
      return 'done';
    case 'op-failed':
      return 'failed';
    case 'op-skipped':
      return 'skipped';
    case 'rollback':
      return 'rollback';
  }
}

/** At most `width` characters (code points), with `…` when cut. */
function cut(s: string, width: number): string {
  const chars = [...s];
  if (width < 1 || chars.length <= width) return s;
  return `${chars.slice(0, width - 1).join('')}…`;
}
