import type { Service } from '../../model/compose.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';

const SWARM = 'a swarm setting; docker compose ignores it outside swarm too';

/**
 * The keys of `deploy` outside swarm, as Compose v2 reads them: `replicas` (the container
 * count), `resources` (resources.ts) and `restart_policy` (restart-policy.ts) apply; placement,
 * update and rollback settings, labels, `mode: global` and `endpoint_mode` are swarm settings, so they
 * are warned about rather than silently dropped.
 */
export function checkDeploy(ctx: DesiredContext, name: string, s: Service): void {
  const d = s.deploy;
  if (!d || typeof d !== 'object') return;
  checkKeys(ctx, name, d, 'deploy', {
    // `mode: replicated` is what every non-swarm container is anyway.
    mapped: [
      'replicas',
      'resources',
      'restart_policy',
      ...(d.mode === 'replicated' ? ['mode'] : []),
    ],
    ignored: {
      mode: SWARM,
      endpoint_mode: SWARM,
      labels: `${SWARM} (service labels go under labels)`,
      placement: SWARM,
      update_config: SWARM,
      rollback_config: SWARM,
    },
  });
  const rp = d.restart_policy;
  if (rp && typeof rp === 'object') {
    checkKeys(ctx, name, rp, 'deploy.restart_policy', {
      mapped: ['condition', 'max_attempts'],
      ignored: { delay: SWARM, window: SWARM },
    });
  }
}
