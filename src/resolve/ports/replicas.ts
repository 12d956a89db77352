import type { Service } from '../../model/compose.js';
import type { ResolveContext } from '../types.js';
import type { ClaimGroup } from './claims.js';
import { bindingText, entryPath } from './describe-claim.js';

/** How many containers a service runs: the larger of `scale` and `deploy.replicas`, else 1. */
export function replicaCount(service: Service): number {
  const counts = [service.scale, service.deploy?.replicas].filter(
    (n): n is number => typeof n === 'number',
  );
  return counts.length ? Math.max(...counts) : 1;
}

/**
 * Rule 5: every replica binds the same fixed host port, so the second one cannot start. A host
 * range is fine (the engine gives each replica one port of it). Reported once per written entry.
 */
export function checkReplicaPorts(group: ClaimGroup, ctx: ResolveContext): void {
  const replicas = replicaCount(group.node.service);
  if (replicas <= 1) return;
  const fixed = group.members.find((c) => c.span.start === c.span.end);
  if (!fixed) return;
  ctx.diags.error(
    'nest-port-fixed-with-replicas',
    `${entryPath(fixed)}: ${replicas} replicas cannot all bind the fixed host port ${bindingText(fixed)}`,
    fixed.loc,
    {
      hint: `publish a host range with room for every replica (e.g. "${fixed.span.start}-${fixed.span.start + replicas - 1}:${fixed.config.target}"), leave the host port out, or run one replica`,
    },
  );
}
