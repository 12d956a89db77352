import type { CodeTable } from './types.js';

/** Codes of the resolver: Flat names, scoped resources and networks (src/resolve/names). */
export const NEST_NAMES_CODES = {} as const satisfies CodeTable;
