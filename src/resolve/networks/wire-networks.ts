import type { ResolveContext, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { warnDnsAmbiguity } from './dns-ambiguity.js';
import { joinWithAlias } from './join.js';
import { joinChildNetworks } from './parent-join.js';

/**
 * Rule 4: DNS aliases by inner name, the parent on its children's networks, ambiguity warnings.
 * Runs after flat names (keys of `networks` are already flat): each inner service answers to
 * its inner name on its own scope's networks, so `db` resolves inside that scope and nowhere
 * else; root services need no alias (Compose aliases the service name, which is their flat
 * name); a service with `network_mode` joins nothing. Then each parent joins its child scope.
 */
export function wireNetworks(root: Scope, ctx: ResolveContext): void {
  for (const node of walkNodes(root)) {
    const s = node.service;
    if (node.depth > 0 && s.network_mode == null) {
      for (const key of Object.keys(s.networks ?? {})) joinWithAlias(s, key, node.name);
    }
  }
  for (const node of walkNodes(root)) {
    if (node.child) joinChildNetworks(node, node.child, ctx);
  }
  warnDnsAmbiguity(root, ctx);
}
