import { getLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext } from '../types.js';

/**
 * A `container_name` is kept verbatim (rule 1), so it must be unique across the whole flat
 * graph: the engine refuses a second container with the same name. Pairs within one scope were
 * already reported when that scope was loaded (`container-name-duplicate`), so only pairs from
 * different scopes are reported here. `nodes` is in claim order; the later one gets the error.
 */
export function checkContainerNames(nodes: readonly NestNode[], ctx: ResolveContext): void {
  const seen = new Map<string, NestNode>();
  for (const node of nodes) {
    const cn = node.service.container_name;
    if (typeof cn !== 'string' || cn === '') continue;
    const first = seen.get(cn);
    if (!first) {
      seen.set(cn, node);
      continue;
    }
    if (first.scope === node.scope) continue;
    ctx.diags.error(
      'nest-container-name-collision',
      `services.${node.nestPath}.container_name: "${cn}" is already the container name of service "${first.nestPath}"`,
      getLoc(node.service, 'container_name') ?? node.loc,
      {
        hint: 'container names are global on the host; give one of them another name, or remove container_name',
        related: [
          {
            message: `service "${first.nestPath}" sets it here`,
            loc: getLoc(first.service, 'container_name') ?? first.loc,
          },
        ],
      },
    );
  }
}
