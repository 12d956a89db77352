import type { ResolveContext, Scope } from '../types.js';

/** Flat keys and engine names of the networks, volumes, configs and secrets of one scope. */
export function assignResourceKeys(_scope: Scope, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
