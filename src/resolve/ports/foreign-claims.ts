import type { NestNode } from '../types.js';
import type { Claim } from './claims.js';

type Foreign = { hostIp: string; port: number; protocol: string; owner: string };

/** Stands in for the node of a claim that no service of the graph makes. */
const OUTSIDE = { nestPath: '', depth: -1, segments: [], name: '' } as unknown as NestNode;

/**
 * Ports held by containers outside the project, as claims made before any of the graph's
 * (rule 5, "At `up`"): conflicting claims of the graph then move off them, or fail when they
 * cannot. They are never part of the port map.
 */
export function foreignClaims(ports: readonly Foreign[]): Claim[] {
  return ports.map((p, index) => ({
    node: OUTSIDE,
    index,
    config: { target: p.port, protocol: 'tcp', published: String(p.port) },
    protocol: p.protocol,
    hostIp: p.hostIp,
    written: String(p.port),
    span: { start: p.port, end: p.port },
    foreign: p.owner,
  }));
}
