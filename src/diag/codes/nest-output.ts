import type { CodeTable } from './types.js';

/** Codes of the resolver: Compile and graph output (src/views). */
export const NEST_OUTPUT_CODES = {} as const satisfies CodeTable;
