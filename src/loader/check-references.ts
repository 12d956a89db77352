import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import type { Project } from '../model/compose.js';
import { getKeyLoc, getLoc, locAt } from '../model/locations.js';
import { checkConsistency } from './normalize/consistency.js';
import { mapOf, type Obj } from './normalize/obj.js';

/** What the references stage may know beyond the project. */
export interface CheckOptions {
  /**
   * Services that exist but were disabled by profiles. Compose lets a `required: false`
   * dependency point at one of them. Without this set nestc cannot tell a disabled service from
   * a misspelled one, so it does not report `required: false` dependencies at all.
   */
  disabled?: ReadonlySet<string>;
  /**
   * Leave service references alone: in an `x-nest` scope the resolver checks them, because a
   * name of another scope deserves its own message (references stay within a scope).
   */
  skipServiceRefs?: boolean;
}

/**
 * The references stage: everything a service names must exist, as compose-go's consistency
 * check requires (services, networks, named volumes, configs, secrets), plus the other
 * per-service rules of that check (`checkConsistency`). Unlike Compose, which stops at the first
 * problem, every problem is reported, each at the entry that names the missing thing, in
 * service order then field order. `x-nest` is not looked at: its names belong to inner scopes
 * and the resolver checks them.
 */
export function checkReferences(
  project: Project,
  diags: Diagnostics,
  opts: CheckOptions = {},
): void {
  const top = project as unknown as Obj;
  const known = {
    services: mapOf(top.services) ?? {},
    networks: mapOf(top.networks) ?? {},
    volumes: mapOf(top.volumes) ?? {},
    configs: mapOf(top.configs) ?? {},
    secrets: mapOf(top.secrets) ?? {},
  };
  for (const name of Object.keys(known.services)) {
    const service = mapOf(known.services[name]);
    if (!service) continue;
    checkServiceRefs(name, service, known, opts, diags);
  }
  checkConsistency(project, diags);
}

type Known = Record<'services' | 'networks' | 'volumes' | 'configs' | 'secrets', Obj>;

const NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'] as const;

function checkServiceRefs(
  name: string,
  s: Obj,
  known: Known,
  opts: CheckOptions,
  diags: Diagnostics,
): void {
  // Names already reported for this service: an implied depends_on entry (added by normalize
  // for links, volumes_from and `service:` namespaces) must not repeat the error.
  const reported = new Set<string>();
  // `loc` is asked for only when there is something to report: positions are made on demand.
  const service = (ref: string, loc: () => SourceLoc | undefined, how: string): void => {
    if (opts.skipServiceRefs || has(known.services, ref) || reported.has(ref)) return;
    reported.add(ref);
    const hint = opts.disabled?.has(ref)
      ? `service "${ref}" is disabled by profiles; enable its profile`
      : `declare service "${ref}" or fix the name`;
    diags.error(
      'ref-unknown-service',
      `service "${name}" ${how} undefined service "${ref}"`,
      loc(),
      {
        hint,
      },
    );
  };

  const links = s.links;
  if (Array.isArray(links)) {
    links.forEach((l, i) => {
      if (typeof l === 'string') service(l.split(':')[0] ?? l, () => getLoc(links, i), 'links to');
    });
  }
  const from = s.volumes_from;
  if (Array.isArray(from)) {
    from.forEach((v, i) => {
      if (typeof v === 'string' && !v.startsWith('container:'))
        service(v.split(':')[0] ?? v, () => getLoc(from, i), 'takes volumes from');
    });
  }
  for (const key of NAMESPACES) {
    const ref = s[key];
    if (typeof ref === 'string' && ref.startsWith('service:'))
      service(ref.slice(8), () => getLoc(s, key), `shares ${key} with`);
  }
  const deps = mapOf(s.depends_on);
  if (deps) {
    for (const dep of Object.keys(deps)) {
      if (mapOf(deps[dep])?.required === false && (!opts.disabled || opts.disabled.has(dep)))
        continue;
      service(dep, () => getKeyLoc(deps, dep), 'depends on');
    }
  }

  const nets = mapOf(s.networks);
  if (nets) {
    for (const net of Object.keys(nets)) {
      if (!has(known.networks, net))
        diags.error(
          'ref-unknown-network',
          `service "${name}" refers to undefined network "${net}"`,
          getKeyLoc(nets, net),
          { hint: `declare it under the top-level networks: \`networks: {${net}: {}}\`` },
        );
    }
  }

  const vols = s.volumes;
  if (Array.isArray(vols)) {
    vols.forEach((v, i) => {
      const vol = mapOf(v);
      const src = vol?.source;
      if (vol?.type !== 'volume' || typeof src !== 'string' || src === '') return;
      if (!has(known.volumes, src))
        diags.error(
          'ref-unknown-volume',
          `service "${name}" refers to undefined volume "${src}"`,
          locAt(vols, [i, 'source']),
          { hint: `declare it under the top-level volumes, or write ./${src} for a bind mount` },
        );
    });
  }

  fileRefs(s.configs, known.configs, 'ref-unknown-config', `service "${name}"`, 'config', diags);
  fileRefs(s.secrets, known.secrets, 'ref-unknown-secret', `service "${name}"`, 'secret', diags);
  const build = mapOf(s.build);
  if (build)
    fileRefs(
      build.secrets,
      known.secrets,
      'ref-unknown-secret',
      `build of "${name}"`,
      'secret',
      diags,
    );
}

/** `configs` / `secrets` of a service: long syntax `{source}` or, before canonical, a name. */
function fileRefs(
  list: unknown,
  declared: Obj,
  code: 'ref-unknown-config' | 'ref-unknown-secret',
  who: string,
  what: string,
  diags: Diagnostics,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((e, i) => {
    const long = mapOf(e);
    const src = long ? long.source : e;
    if (typeof src !== 'string' || has(declared, src)) return;
    diags.error(
      code,
      `${who} refers to undefined ${what} "${src}"`,
      locAt(list, long ? [i, 'source'] : [i]),
      {
        hint: `declare it under the top-level ${what}s`,
      },
    );
  });
}

function has(obj: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
