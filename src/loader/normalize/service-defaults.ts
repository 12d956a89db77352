import type { Env } from '../context.js';
import { mapOf, type Obj } from './obj.js';

/**
 * Defaults and rewrites `docker compose config` (compose-go `Normalize`) applies to one service,
 * so that what nestc prints means exactly what Compose would run:
 *
 * - `pull_policy: if_not_present` is the old spelling of `missing`;
 * - `build` gets `context: .` (the project directory) and `dockerfile: Dockerfile` unless
 *   `dockerfile_inline` is set; a bare build arg (`null`) takes its value from the project
 *   environment and is dropped when it is not set there (Compose passes no value then);
 * - `depends_on` entries get `condition: service_started` and `required: true`.
 *
 * Values written here carry no source position: they were defaulted, not written.
 */
export function applyServiceDefaults(service: Obj, env: Env, projectDir: string): void {
  if (service.pull_policy === 'if_not_present') service.pull_policy = 'missing';
  const build = mapOf(service.build);
  if (build) {
    if (build.context === undefined || build.context === null) build.context = projectDir;
    if (build.dockerfile == null && build.dockerfile_inline == null)
      build.dockerfile = 'Dockerfile';
    const args = mapOf(build.args);
    if (args) {
      for (const [k, v] of Object.entries(args)) {
        if (v !== null) continue;
        if (env[k] !== undefined) args[k] = env[k];
        else delete args[k];
      }
    }
  }
  // Keys then lookups: `depends_on` mappings are kept in dictionary mode (see
  // `canonical/located.ts`, `newKeyedMap`), where `Object.values` is the slow path.
  const deps = mapOf(service.depends_on) ?? {};
  for (const dep of Object.keys(deps)) {
    const d = mapOf(deps[dep]);
    if (!d) continue;
    if (d.condition == null) d.condition = 'service_started';
    if (d.required == null) d.required = true;
  }
  addImpliedDependencies(service);
}

const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'] as const;

/**
 * Compose starts a service after the services it links to, shares a namespace with
 * (`service:NAME`) or takes volumes from, even when `depends_on` does not say so; `config`
 * writes those dependencies out. A written `depends_on` entry for the same service wins.
 */
function addImpliedDependencies(service: Obj): void {
  const implied: [string, boolean][] = [];
  for (const link of stringsOf(service.links)) implied.push([link.split(':')[0] ?? link, true]);
  for (const key of NAMESPACES) {
    const ref = service[key];
    if (typeof ref === 'string' && ref.startsWith('service:')) implied.push([ref.slice(8), true]);
  }
  for (const from of stringsOf(service.volumes_from)) {
    if (!from.startsWith('container:')) implied.push([from.split(':')[0] ?? from, false]);
  }
  if (implied.length === 0) return;
  const deps = mapOf(service.depends_on) ?? {};
  for (const [name, restart] of implied) {
    if (!(name in deps)) deps[name] = { condition: 'service_started', restart, required: true };
  }
  service.depends_on = deps;
}

function stringsOf(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
