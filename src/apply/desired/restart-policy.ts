import type { Service } from '../../model/compose.js';
import type { Body } from './body.js';
import type { DesiredContext } from './context.js';
import { parseInteger } from './units.js';

/**
 * `restart` (`no`, `always`, `on-failure[:N]`, `unless-stopped`) and, over it,
 * `deploy.restart_policy` (`condition` `none` | `on-failure` | `any`, `max_attempts`) as the
 * engine's `RestartPolicy`, as Compose v2's `getRestartPolicy` maps them. `delay` and `window`
 * are swarm settings (`deploy.ts` warns about them).
 */
export function restartPolicy(ctx: DesiredContext, name: string, s: Service): Body | undefined {
  let policy: Body | undefined;
  if (typeof s.restart === 'string' && s.restart !== '') {
    const [mode = '', count] = s.restart.split(':');
    policy = { Name: engineMode(mode), MaximumRetryCount: 0 };
    if (count !== undefined) {
      const n = parseInteger(count);
      if (n.ok) policy.MaximumRetryCount = n.value;
      else ctx.invalid(name, 'restart', ctx.locOf(name, s, 'restart'), n.message);
    }
  }
  const rp = s.deploy?.restart_policy as Record<string, unknown> | undefined;
  if (rp && typeof rp === 'object') {
    policy = { Name: engineMode(String(rp.condition ?? '')), MaximumRetryCount: 0 };
    if (rp.max_attempts !== undefined) {
      const n = parseInteger(rp.max_attempts);
      if (n.ok) policy.MaximumRetryCount = n.value;
      else
        ctx.invalid(
          name,
          'deploy.restart_policy.max_attempts',
          ctx.locOf(name, rp, 'max_attempts'),
          n.message,
        );
    }
  }
  return policy;
}

/** Compose's `mapRestartPolicyCondition`: swarm's words to the engine's. */
function engineMode(condition: string): string {
  switch (condition) {
    case 'none':
    case 'no':
      return 'no';
    case 'any':
    case 'always':
      return 'always';
    default:
      return condition;
  }
}
