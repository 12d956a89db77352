import type { CodeTable } from './types.js';

/** Codes of the resolver: Path translation through parent mounts and the socket (src/resolve/paths). */
export const NEST_PATHS_CODES = {} as const satisfies CodeTable;
