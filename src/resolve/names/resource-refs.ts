import type { Service, ServiceFileRef } from '../../model/compose.js';
import { copyLoc, getSelfLoc, setSelfLoc } from '../../model/locations.js';
import { newKeyedMap } from '../../loader/canonical/located.js';
import type { ResolveContext, Scope } from '../types.js';

/**
 * Service references to the scope's resources rewritten to their flat keys, so the flat file
 * points each service of an inner scope at that scope's own `default` network, `data` volume,
 * and so on. Only names the scope declares change (anything else was reported by the loader).
 * The root scope's keys are its names: nothing to do.
 */
export function rewriteResourceRefs(scope: Scope, _ctx: ResolveContext): void {
  if (scope.path === '') return;
  for (const node of scope.nodes.values()) {
    const s = node.service;
    rewriteNetworks(s, scope.keys.networks);
    for (const v of s.volumes ?? []) {
      if (v.type !== 'volume' || v.source === undefined) continue;
      const key = scope.keys.volumes.get(v.source);
      if (key !== undefined) v.source = key;
    }
    rewriteFileRefs(s.configs, scope.keys.configs, (name) => `/${name}`);
    rewriteFileRefs(s.secrets, scope.keys.secrets, (name) => `/run/secrets/${name}`);
    const build = s.build as { secrets?: ServiceFileRef[] } | undefined;
    // A build secret's target is its id in the Dockerfile (`--mount=type=secret,id=...`).
    rewriteFileRefs(build?.secrets, scope.keys.secrets, (name) => name);
  }
}

/**
 * Keys of `service.networks` renamed in place of the old ones: same order, and each new key
 * carries the old key's positions, so later diagnostics still point at what the user wrote.
 */
function rewriteNetworks(s: Service, keys: ReadonlyMap<string, string>): void {
  const old = s.networks;
  if (!old) return;
  const renamed: NonNullable<Service['networks']> = newKeyedMap();
  const self = getSelfLoc(old);
  if (self) setSelfLoc(renamed, self);
  for (const [name, value] of Object.entries(old)) {
    const key = keys.get(name) ?? name;
    renamed[key] = value;
    copyLoc(old, name, renamed, key);
  }
  s.networks = renamed;
}

/**
 * `configs` / `secrets` entries of a service pointed at flat keys. The default target derives
 * from the source name, so it is written out first: the path inside the container must not
 * change when the source is renamed.
 */
function rewriteFileRefs(
  refs: ServiceFileRef[] | undefined,
  keys: ReadonlyMap<string, string>,
  defaultTarget: (name: string) => string,
): void {
  for (const ref of refs ?? []) {
    if (ref === null || typeof ref !== 'object') continue;
    const key = keys.get(ref.source);
    if (key === undefined) continue;
    if (ref.target === undefined || ref.target === '') ref.target = defaultTarget(ref.source);
    ref.source = key;
  }
}
