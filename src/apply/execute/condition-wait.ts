import type { Engine } from '../../engine/engine.js';
import type { DesiredContainer } from '../types.js';

/**
 * Before a container starts, the `depends_on` conditions of its dependencies must hold
 * (Compose's semantics): `service_started` is met once the dependency's operation is done;
 * `service_healthy` polls its health until healthy (or a deadline); and
 * `service_completed_successfully` waits for it to exit with 0. Reads only: on a converged
 * project these checks make no engine writes. Throws an Error with a message that names the
 * dependency and what it did.
 */
export async function waitForDependencies(
  container: DesiredContainer,
  byService: ReadonlyMap<string, DesiredContainer[]>,
  engine: Engine,
  timeoutMs: number,
  onWait: (step: string) => void,
): Promise<void> {
  for (const [service, dep] of Object.entries(container.dependsOn).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const targets = byService.get(service) ?? [];
    if (targets.length === 0) {
      if (dep.required === false) continue;
      throw new Error(`depends on ${service}, which is not part of the project`);
    }
    for (const t of targets) {
      if (dep.condition === 'service_healthy') {
        onWait(`waiting for ${t.nestPath} to be healthy`);
        const r = await engine.containers.waitHealthy(t.name, { timeoutMs });
        if (r.outcome !== 'healthy') {
          throw new Error(
            `${t.nestPath} did not become healthy (${healthWords(r.outcome, timeoutMs)})`,
          );
        }
      } else if (dep.condition === 'service_completed_successfully') {
        onWait(`waiting for ${t.nestPath} to complete`);
        const r = await engine.containers.waitExited(t.name, { timeoutMs });
        if (r.outcome === 'timeout') {
          throw new Error(`${t.nestPath} did not exit within ${timeoutMs / 1000}s`);
        }
        if (r.exitCode !== 0) throw new Error(`${t.nestPath} exited with code ${r.exitCode}`);
      }
    }
  }
}

function healthWords(outcome: string, timeoutMs: number): string {
  switch (outcome) {
    case 'timeout':
      return `still not healthy after ${timeoutMs / 1000}s; raise --wait-timeout if it is slow`;
    case 'no-healthcheck':
      return 'it has no healthcheck';
    case 'exited':
      return 'it exited';
    default:
      return 'it is unhealthy';
  }
}
