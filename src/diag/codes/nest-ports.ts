import type { CodeTable } from './types.js';

/** Codes of the resolver: Published ports and lints (src/resolve/ports). */
export const NEST_PORTS_CODES = {} as const satisfies CodeTable;
