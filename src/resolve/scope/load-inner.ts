import type { Env } from '../../loader/context.js';

/** What loading an inner scope needs from the load that produced the root project. */
export interface ScopeLoadOptions {
  /** The active profiles: one set for the whole graph. */
  profiles: readonly string[];
  /** nestc's environment (process environment over `.env`): bare `KEY`s of a parent take it. */
  env: Env;
}
