import type { SourceLoc } from '../../diag/diagnostic.js';
import { getLoc } from '../../model/locations.js';
import type { ResolveContext, Scope } from '../types.js';
import { walkScopes } from '../types.js';

/**
 * How many user networks an engine's default address pools hold: 172.17.0.0/16 … 172.31.0.0/16
 * (15 networks of /16) and 192.168.0.0/16 split into /20s (16), 31 in all, of which the default
 * bridge takes 172.17.0.0/16. Other networks on the host take more.
 */
export const DEFAULT_POOL_NETWORKS = 30;

/**
 * Rule 7: every scope brings its own networks, so a deep or wide graph can need more than the
 * default pools hold, and `up` would fail half-way with "all predefined address pools have been
 * fully subnetted". One warning, at the first network over the limit.
 */
export function lintNetworkPools(root: Scope, ctx: ResolveContext): void {
  const seen = new Set<string>();
  let first: SourceLoc | undefined;
  let firstName = '';
  for (const scope of walkScopes(root)) {
    for (const key of Object.keys(scope.networks).sort()) {
      const net = scope.networks[key] as Scope['networks'][string] | null;
      if (net?.external === true || net?.driver === 'host' || net?.driver === 'none') continue;
      // An explicit `name:` is one engine network, however many scopes declare it.
      const id = typeof net?.name === 'string' ? `name:${net.name}` : `${scope.path}#${key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (seen.size === DEFAULT_POOL_NETWORKS + 1) {
        first = getLoc(scope.networks, key) ?? scope.nest?.loc;
        firstName = scope.path ? `${scope.path} networks.${key}` : `networks.${key}`;
      }
    }
  }
  if (seen.size <= DEFAULT_POOL_NETWORKS) return;
  ctx.diags.warn(
    'nest-network-pools',
    `the graph needs ${seen.size} networks, more than the about ${DEFAULT_POOL_NETWORKS} that an engine's default address pools hold (${firstName} is the first over)`,
    first,
    {
      detail:
        'Docker\'s default address pools are 172.17.0.0/16 to 172.31.0.0/16 and 192.168.0.0/16 split into /20s: 31 networks, one of them taken by the default bridge. Creating more fails with "all predefined address pools have been fully subnetted".',
      hint: 'give the engine more, smaller pools ("default-address-pools" in daemon.json, e.g. base 10.128.0.0/9 with size 24), or let scopes share networks (external: true or an explicit name:)',
    },
  );
}
