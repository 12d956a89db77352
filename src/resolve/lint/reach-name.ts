import type { NestNode } from '../types.js';

/**
 * The DNS name by which `from` reaches `to` (rule 4): its inner name when they share a scope
 * network (siblings, a parent and its child, a child and its parent); else its flat name, which
 * Compose resolves on any network both join, with `shared: false` since none is shared yet.
 */
export function reachName(from: NestNode, to: NestNode): { name: string; shared: boolean } {
  const related = to.scope === from.scope || to.scope.parent === from || from.scope.parent === to;
  return related ? { name: to.name, shared: true } : { name: to.flatName, shared: false };
}
