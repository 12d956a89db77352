import { describeCall, toEngineError, type CallInfo } from './classify-error.js';
import type { EngineLogger } from './engine-logger.js';
import { ENGINE_OPS, type EngineOp } from './engine-ops.js';
import type { EngineStats } from './engine-stats.js';

/** One engine call: its op, the object, and an optional phrase for messages. */
export type CallSpec = Omit<CallInfo, 'address'>;

/** Runs an engine call with the bookkeeping every call shares (see makeCaller). */
export type Caller = <T>(spec: CallSpec, fn: () => Promise<T>) => Promise<T>;

export interface CallerOptions {
  address: string;
  logger: EngineLogger;
  stats: EngineStats;
  /** Awaited before each call but pings (API version negotiation, once). */
  ready?: () => Promise<void>;
}

/**
 * The one wrapper around engine calls, shared by the real and the in-memory engine so they count,
 * log and fail the same way: wait for the API version, count the call (as a write when
 * ENGINE_OPS says so, before it runs: a failed write was still attempted), log before and after,
 * and turn any failure into an EngineError.
 */
export function makeCaller(opts: CallerOptions): Caller {
  return async <T>(spec: CallSpec, fn: () => Promise<T>): Promise<T> => {
    const info: CallInfo = { ...spec, address: opts.address };
    const what = describeCall(info);
    if (opts.ready && spec.op !== 'system.ping') {
      await opts.ready();
    }
    opts.stats.count(spec.op, isWriteOp(spec.op));
    opts.logger.debug(`engine → ${what}`);
    const started = performance.now();
    try {
      const result = await fn();
      opts.logger.debug(`engine ← ${what}: ok (${ms(started)})`);
      return result;
    } catch (raw) {
      const err = toEngineError(raw, info);
      opts.logger.debug(`engine ← ${what}: ${err.code} (${ms(started)}): ${err.message}`);
      throw err;
    }
  };
}

/** Whether an operation changes the engine. */
export function isWriteOp(op: EngineOp): boolean {
  return ENGINE_OPS[op].write;
}

function ms(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}
