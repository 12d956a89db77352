import type { PortMapEntry, ResolveContext, Scope } from '../types.js';
import { lintLocalhostPorts } from './localhost-ports.js';
import { lintNetworkPools } from './network-pools.js';

/**
 * Rule 7: warnings for localhost-style addresses to sibling ports, and network pool size. They
 * run after allocation so that a port nestc moved is recognized under both its numbers.
 */
export function lintGraph(root: Scope, ports: readonly PortMapEntry[], ctx: ResolveContext): void {
  lintLocalhostPorts(root, ports, ctx);
  lintNetworkPools(root, ctx);
}
