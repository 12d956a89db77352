import type { Service } from '../../model/compose.js';
import { containerName } from './container-name.js';
import type { DesiredContext } from './context.js';
import { replicaCount } from './replicas.js';

/**
 * `links` and `external_links` of replica `n` as the engine's `CONTAINER:ALIAS` entries, as
 * Compose v2's `getLinks` builds them: for every container of a linked service, its alias (the
 * service name unless one is written), `SERVICE-N` and `PROJECT-SERVICE-N` (N this replica's
 * number, as Compose does); an external link as written. Compose lists the linked service's
 * running containers; the desired state lists the replicas it will have.
 */
export function replicaLinks(ctx: DesiredContext, s: Service, n: number): string[] {
  const out: string[] = [];
  const project = ctx.project.name;
  for (const raw of Array.isArray(s.links) ? s.links : []) {
    const entry = String(raw);
    const i = entry.indexOf(':');
    const svc = i < 0 ? entry : entry.slice(0, i);
    const alias = i < 0 ? svc : entry.slice(i + 1);
    const def = ctx.service(svc);
    const count = def ? replicaCount(def) : 1;
    for (let k = 1; k <= count; k++) {
      const c = containerName(project, svc, def, k);
      out.push(`${c}:${alias}`, `${c}:${svc}-${n}`, `${c}:${project}-${svc}-${n}`);
    }
  }
  for (const raw of Array.isArray(s.external_links) ? s.external_links : []) {
    const entry = String(raw);
    const i = entry.indexOf(':');
    out.push(i < 0 ? `${entry}:${entry}` : entry);
  }
  return out;
}
