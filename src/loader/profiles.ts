import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { getLoc } from '../model/locations.js';
import { serviceRefs, type ServiceRef } from './setup/service-refs.js';

type Services = Record<string, unknown>;

/**
 * Remove the services that the active profiles disable, as Compose does (compose-go
 * `WithProfiles`, `WithServicesEnabled`, `checkConsistency`):
 *
 * - a service without `profiles` is always enabled; one with profiles is enabled when one of
 *   them is active, and `*` activates every profile;
 * - `targets`, the services named on the command line (`nestc up web`), add their own profiles
 *   to the active set when they would otherwise be disabled (so their profile-mates come too);
 *   a target is a service name or a nest path (`agent/db`) whose every step counts as targeted;
 * - an enabled service that refers to a disabled one (`depends_on`, `links`, `volumes_from`,
 *   `service:` namespaces) is an error, as `docker compose` says "depends on undefined service":
 *   profiles never pull a service in by reference. A `depends_on` entry with `required: false`
 *   is the exception: it is kept and ignored, as in Compose.
 *
 * The same active set applies to the inner services of `x-nest.services` at every depth
 * (NESTFILE.md: one set of active profiles for the whole graph). Returns the nest paths of the
 * removed services, sorted, so callers can say what was left out.
 */
export function applyProfiles(
  model: RawModel,
  profiles: string[],
  diags: Diagnostics,
  targets: string[] = [],
): string[] {
  const top = asServices(model.services);
  if (!top) return [];
  const base = new Set(profiles);
  const active = new Set(profiles);
  for (const target of targets) {
    const chain = resolveTarget(top, target);
    if (!chain) {
      diags.error('profile-unknown-service', `no such service: ${target}`, undefined, {
        hint: 'name a service declared under services: (or a nest path such as agent/db)',
      });
      continue;
    }
    for (const svc of chain)
      if (!isEnabled(svc, base)) for (const p of profilesOf(svc)) active.add(p);
  }
  const disabled: string[] = [];
  filterScope(top, '', active, diags, disabled);
  return disabled.sort();
}

/** Filter one scope, check its references, then recurse into enabled services' inner scopes. */
function filterScope(
  services: Services,
  prefix: string,
  active: ReadonlySet<string>,
  diags: Diagnostics,
  disabled: string[],
): void {
  const off = new Map<string, unknown>();
  // Keys then lookups, not Object.entries: see `normalize/obj.ts` on large mappings.
  for (const name of Object.keys(services)) {
    const svc = services[name];
    if (!isEnabled(svc, active)) off.set(name, svc);
  }
  for (const name of off.keys()) {
    delete services[name];
    disabled.push(prefix + name);
  }
  for (const name of Object.keys(services)) {
    const svc = services[name];
    if (!isObject(svc)) continue;
    // With nothing disabled in this scope no reference can point at a disabled service.
    const refs = off.size > 0 ? serviceRefs(svc) : [];
    for (const ref of refs) {
      const target = off.get(ref.target);
      if (target !== undefined && ref.required) {
        reportDisabledRef(prefix + name, ref, prefix + ref.target, target, active, diags);
      }
    }
    const inner = asServices(isObject(svc['x-nest']) ? svc['x-nest'].services : undefined);
    if (inner) filterScope(inner, `${prefix}${name}/`, active, diags, disabled);
  }
}

function reportDisabledRef(
  from: string,
  ref: ServiceRef,
  targetPath: string,
  target: unknown,
  active: ReadonlySet<string>,
  diags: Diagnostics,
): void {
  const its = profilesOf(target);
  const activeList = active.size > 0 ? [...active].join(', ') : '(none)';
  const profilesLoc = isObject(target) ? getLoc(target, 'profiles') : undefined;
  diags.error(
    'profile-reference-disabled',
    `service "${from}" refers to service "${targetPath}" (${ref.via}), which the active profiles disable`,
    ref.loc,
    {
      detail: `"${targetPath}" has profiles: ${its.join(', ')}; active profiles: ${activeList}`,
      hint:
        `activate one of its profiles (--profile ${its[0] ?? ''})` +
        (ref.via === 'depends_on' ? ', or mark the dependency required: false' : ''),
      ...(profilesLoc
        ? { related: [{ message: `profiles of "${targetPath}"`, loc: profilesLoc }] }
        : {}),
    },
  );
}

/** The services along a target path (`agent/db`), or undefined when a step does not exist. */
function resolveTarget(top: Services, target: string): unknown[] | undefined {
  const chain: unknown[] = [];
  let scope: Services | undefined = top;
  for (const step of target.split('/')) {
    if (!scope || !Object.hasOwn(scope, step)) return undefined;
    const svc: unknown = scope[step];
    chain.push(svc);
    scope =
      isObject(svc) && isObject(svc['x-nest']) ? asServices(svc['x-nest'].services) : undefined;
  }
  return chain;
}

/** Compose's `HasProfile`: no profiles, or one of them active, or `*` active. */
function isEnabled(svc: unknown, active: ReadonlySet<string>): boolean {
  const own = profilesOf(svc);
  if (own.length === 0) return true;
  return active.has('*') || own.some((p) => active.has(p));
}

function profilesOf(svc: unknown): string[] {
  if (!isObject(svc) || !Array.isArray(svc.profiles)) return [];
  return svc.profiles.filter((p): p is string => typeof p === 'string');
}

function asServices(v: unknown): Services | undefined {
  return isObject(v) ? v : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
