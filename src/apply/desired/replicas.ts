import type { Service } from '../../model/compose.js';
import { parseInteger } from './units.js';

/**
 * How many containers a service runs: `scale`, else `deploy.replicas`, else 1 (Compose v2's
 * `GetScale`). The loader already refused two different numbers; 0 means the service is
 * declared but runs nothing.
 */
export function replicaCount(service: Service): number {
  for (const v of [service.scale, service.deploy?.replicas]) {
    if (v === undefined || v === null) continue;
    const n = parseInteger(v);
    if (n.ok && n.value >= 0) return n.value;
  }
  return 1;
}
