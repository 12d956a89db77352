import type { ResolveContext, Scope } from '../types.js';

/** Flat names of every service (rule 1), labels, and the uniqueness checks of the flat file. */
export function assignServiceNames(_root: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
