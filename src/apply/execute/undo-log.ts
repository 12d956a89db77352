import type { Engine } from '../../engine/engine.js';
import type { Operation } from '../types.js';
import type { ApplyEvent } from './events.js';

/** One thing a run did that a failure later in the run takes back. */
interface UndoStep {
  op: Operation;
  /** What the rollback does, in a few words (`removing (created by this run)`). */
  step: string;
  undo: (engine: Engine) => Promise<void>;
}

/**
 * What this run changed on the engine and how to take it back, in the order it happened. A
 * failed `up` rolls back newest first, so the engine is as the run found it: objects it
 * created are removed, and containers it replaced get their name back and run again.
 */
export class UndoLog {
  private readonly steps: UndoStep[] = [];

  add(op: Operation, step: string, undo: (engine: Engine) => Promise<void>): void {
    this.steps.push({ op, step, undo });
  }

  /** Take everything back, newest first; failures here are swallowed (see below). */
  async rollback(engine: Engine, emit: (e: ApplyEvent) => void): Promise<void> {
    for (const s of [...this.steps].reverse()) {
      emit({ type: 'rollback', op: s.op, step: s.step });
      try {
        await s.undo(engine);
      } catch {
        // Best effort: the failure that caused the rollback is what the user needs to see.
      }
    }
  }
}
