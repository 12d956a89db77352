import type { Diagnostics } from '../../diag/diagnostic.js';
import { getLoc } from '../../model/locations.js';
import { mapOf, type Obj } from './obj.js';

/**
 * `scale` and `deploy.replicas` say the same thing. As in compose-go's consistency check, two
 * different numbers are an error; equal ones (`2` and `"2"`) are fine, and when `deploy` is
 * present without `replicas`, `scale` is copied there so later stages read one place.
 */
export function reconcileScale(service: Obj, name: string, diags: Diagnostics): void {
  if (service.scale == null) return;
  const deploy = mapOf(service.deploy);
  if (!deploy) return;
  if (deploy.replicas == null) {
    deploy.replicas = service.scale;
    return;
  }
  if (Number(deploy.replicas) !== Number(service.scale)) {
    diags.error(
      'scale-replicas-conflict',
      `service "${name}" sets scale (${String(service.scale)}) and deploy.replicas (${String(deploy.replicas)}) to different values`,
      getLoc(service, 'scale'),
      { related: [{ message: 'deploy.replicas is set here', loc: getLoc(deploy, 'replicas') }] },
    );
  }
}
