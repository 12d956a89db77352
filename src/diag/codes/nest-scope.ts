import type { CodeTable } from './types.js';

/** Codes of the resolver: Loading x-nest scopes (src/resolve/scope). */
export const NEST_SCOPE_CODES = {} as const satisfies CodeTable;
