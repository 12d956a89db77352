import type { NestNode, ResolveContext, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { checkContainerNames } from './container-names.js';
import { flatName } from './flat-name.js';
import { addNestLabels } from './labels.js';
import { nodesInClaimOrder } from './order.js';
import { checkResourceKeys } from './resource-key-collisions.js';

/**
 * Flat names of every service (rule 1), their labels, and the uniqueness checks of the flat
 * file: flat service names, `container_name`s across scopes, and flat resource keys per kind.
 * Runs once over the whole tree, after every scope is loaded, because a collision can only be
 * seen between scopes (`agent-db` at the root against `db` in agent's `x-nest`).
 */
export function assignServiceNames(root: Scope, ctx: ResolveContext): void {
  const nodes = nodesInClaimOrder(walkNodes(root));
  const taken = new Map<string, NestNode>();
  for (const node of nodes) {
    node.flatName = flatName(node.segments);
    addNestLabels(node, ctx);
    const first = taken.get(node.flatName);
    if (!first) {
      taken.set(node.flatName, node);
      continue;
    }
    ctx.diags.error(
      'nest-name-collision',
      `service "${node.nestPath}" gets the flat name "${node.flatName}", which service "${first.nestPath}" already has`,
      node.loc,
      {
        hint: 'rename one of the two services (an inner flat name joins its nest path with "-")',
        related: [{ message: `service "${first.nestPath}" is declared here`, loc: first.loc }],
      },
    );
  }
  checkContainerNames(nodes, ctx);
  checkResourceKeys(root, ctx);
}
