import type { Engine } from '../../engine/engine.js';
import { connectEngine } from '../../engine/connect-engine.js';
import { hostProbe, type HostProbe } from '../../resolve/options/resolve-options.js';

/**
 * What the engine commands (`plan`, `up`, `down`, `ps`, `port`) take from the world: the
 * engine, the machine, the terminal. A seam, so the commands' tests run them against the
 * in-memory engine on a described machine; `main` fills in the real ones.
 */
export interface EngineDeps {
  /** Called once per command run; the real one reads DOCKER_HOST (throws only for a bad one). */
  engine: () => Engine;
  host: () => HostProbe;
  /** Whether stdout is a terminal (the live progress view needs one). */
  stdoutTty: () => boolean;
  /** Terminal width, for the live view. */
  columns: () => number;
  /** `TERM`: `dumb` cannot move the cursor. */
  term: () => string | undefined;
  /** Labels put on every object `up` creates (tests mark their runs with one). */
  extraLabels?: Readonly<Record<string, string>>;
}

/** The real engine, machine and terminal of this process, with `over` replacing any of them. */
export function engineDeps(over: Partial<EngineDeps> = {}): EngineDeps {
  return {
    engine: () => connectEngine(process.env),
    host: () => hostProbe(),
    stdoutTty: () => Boolean(process.stdout.isTTY),
    columns: () => process.stdout.columns || 80,
    term: () => process.env.TERM,
    ...over,
  };
}
