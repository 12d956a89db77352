/**
 * Where the engine layer writes its debug lines (testcontainers-node logs every call before and
 * after). The CLI passes one that prints under a debug flag; everything else gets the no-op.
 */
export interface EngineLogger {
  debug(message: string): void;
}

/** The default: engine calls are silent unless someone asks. */
export const noopLogger: EngineLogger = { debug: () => {} };
