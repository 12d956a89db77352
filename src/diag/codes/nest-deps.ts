import type { CodeTable } from './types.js';

/** Codes of the resolver: Dependencies and references across scopes (src/resolve/deps). */
export const NEST_DEPS_CODES = {} as const satisfies CodeTable;
