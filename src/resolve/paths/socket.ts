import type { NestNode, ResolveContext } from '../types.js';

/** `x-nest.socket: host`: the engine socket mounted into the parent (rule 8), with a warning. */
export function applySocket(_node: NestNode, _ctx: ResolveContext): void {
  throw new Error('not implemented');
}
