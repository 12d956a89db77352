import type { Diagnostic } from '../diag/diagnostic.js';

/** The codes of engine failures (declared in src/diag/codes/apply.ts). */
export type EngineErrorCode =
  | 'engine-unreachable'
  | 'engine-permission-denied'
  | 'engine-host-invalid'
  | 'engine-name-in-use'
  | 'engine-port-taken'
  | 'engine-not-found'
  | 'engine-error';

/**
 * An engine call that failed, already turned into the diagnostic the user will read. Engine
 * failures are not the user's file being wrong, but they are expected (no engine, a name taken),
 * so they travel as typed errors through the async executor and the command prints `diagnostic`
 * like any other; `code` lets callers branch (a 404 on remove is fine) without parsing text.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly diagnostic: Diagnostic;
  /** HTTP status of the engine's answer, when it answered. */
  readonly statusCode?: number;

  constructor(diagnostic: Diagnostic & { code: EngineErrorCode }, statusCode?: number) {
    super(diagnostic.summary);
    this.name = 'EngineError';
    this.code = diagnostic.code;
    this.diagnostic = diagnostic;
    if (statusCode !== undefined) this.statusCode = statusCode;
  }
}

/** Whether `err` is an EngineError with one of `codes` (any code when none are given). */
export function isEngineError(err: unknown, ...codes: EngineErrorCode[]): err is EngineError {
  return err instanceof EngineError && (codes.length === 0 || codes.includes(err.code));
}
