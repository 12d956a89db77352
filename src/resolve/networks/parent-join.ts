import { isTrue } from '../../loader/normalize/resource-names.js';
import { getLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext, Scope } from '../types.js';
import { joinWithAlias } from './join.js';

/**
 * The parent joins every non-external network of its child scope with its own inner name as
 * alias (rule 4): it started those containers and must reach them by their inner names, and
 * they reach it back by its name. External networks are left alone: joining one is a choice
 * the user makes in the parent's own `networks`. A parent with `network_mode` cannot join
 * anything, so it could not reach its children: an error at its `network_mode`.
 */
export function joinChildNetworks(parent: NestNode, child: Scope, ctx: ResolveContext): void {
  const keys: string[] = [];
  for (const inner of Object.keys(child.networks).sort()) {
    const net = child.networks[inner];
    if (net && isTrue(net.external)) continue;
    const key = child.keys.networks.get(inner);
    if (key !== undefined) keys.push(key);
  }
  if (keys.length === 0) return;
  const mode = parent.service.network_mode;
  if (mode != null) {
    ctx.diags.error(
      'nest-parent-network-mode',
      `services.${parent.nestPath}.network_mode: "${mode}" keeps ${parent.nestPath} off the networks of the services it starts, so it cannot reach them`,
      getLoc(parent.service, 'network_mode') ?? parent.loc,
      {
        hint: `remove network_mode from ${parent.nestPath}, or give each of its x-nest services a network_mode so its scope has no network`,
        detail: `networks of its scope: ${keys.join(', ')}`,
      },
    );
    return;
  }
  for (const key of keys) joinWithAlias(parent.service, key, parent.name);
}
