import type { PortMapEntry, ResolveContext, Scope } from '../types.js';

/** Rule 5: one host-wide claim set; later conflicting claims move (or fail with strict ports). */
export function allocatePorts(_root: Scope, _ctx: ResolveContext): PortMapEntry[] {
  throw new Error('not implemented');
}
