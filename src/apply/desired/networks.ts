import type { Network } from '../../model/compose.js';
import { LABELS, type DesiredNetwork } from '../types.js';
import { put, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { usedResources } from './used-resources.js';
import { networkScope } from './resource-scope.js';
import { getKeyLoc } from '../../model/locations.js';

/**
 * The networks the project needs: every network of the flat project that some service joins
 * (compose-go drops unused ones before Compose v2 creates anything), in key order. An external
 * network is only checked to exist: no create body. Others get Compose v2's `NetworkCreate`
 * body (`resolveOrCreateNetwork`): `Driver` (default `bridge`), `Internal`, `Attachable`,
 * `EnableIPv6`, `IPAM`, `Options` (driver_opts), and the labels: the user's, then
 * `io.nestc.project`, `io.nestc.path` (the nest path of the declaring scope, `''` at the root),
 * `io.nestc.resource` (the flat key) and the config hash of the rest.
 */
export function desiredNetworks(ctx: DesiredContext): DesiredNetwork[] {
  const used = new Set<string>();
  for (const s of Object.values(ctx.project.services)) {
    if (typeof s.network_mode === 'string' && s.network_mode !== '') continue;
    for (const key of Object.keys(s.networks ?? {})) used.add(key);
  }
  return usedResources(ctx.project.networks ?? {}, used, (key, name, n) =>
    networkBody(ctx, key, name, n),
  );
}

function networkBody(ctx: DesiredContext, key: string, name: string, n: Network): Body {
  const at = `networks.${key}`;
  checkKeys(ctx, '', n, at, {
    mapped: [
      'name',
      'driver',
      'driver_opts',
      'ipam',
      'external',
      'internal',
      'attachable',
      'enable_ipv6',
      'enable_ipv4',
      'labels',
    ],
  });
  const body: Body = { Name: name, CheckDuplicate: true, Driver: n.driver ?? 'bridge' };
  if (n.internal !== undefined) body.Internal = n.internal === true;
  if (n.attachable !== undefined) body.Attachable = n.attachable === true;
  if (n.enable_ipv6 !== undefined) body.EnableIPv6 = n.enable_ipv6 === true;
  if (n.enable_ipv4 !== undefined) {
    body.EnableIPv4 = n.enable_ipv4 === true;
    ctx.api.need('1.47', `${at}.enable_ipv4`, getKeyLoc(n, 'enable_ipv4'));
  }
  put(body, 'IPAM', ipam(ctx, at, n.ipam));
  put(body, 'Options', stringMap(n.driver_opts));
  body.Labels = {
    ...stringMap(n.labels),
    ...ctx.extraLabels,
    [LABELS.project]: ctx.project.name,
    [LABELS.path]: networkScope(ctx, key) ?? '',
    [LABELS.resource]: key,
  };
  return body;
}

/** `ipam` as the engine's `IPAM` (`Driver`, `Config` pools, `Options`); absent when empty. */
function ipam(ctx: DesiredContext, at: string, v: unknown): Body | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const i = v as Record<string, unknown>;
  checkKeys(ctx, '', i, `${at}.ipam`, { mapped: ['driver', 'config', 'options'] });
  const body: Body = {};
  put(body, 'Driver', i.driver === undefined ? undefined : String(i.driver));
  if (Array.isArray(i.config)) {
    body.Config = i.config.map((c: Record<string, unknown>, k) => {
      checkKeys(ctx, '', c, `${at}.ipam.config[${k}]`, {
        mapped: ['subnet', 'ip_range', 'gateway', 'aux_addresses'],
      });
      const pool: Body = {};
      put(pool, 'Subnet', c.subnet);
      put(pool, 'IPRange', c.ip_range);
      put(pool, 'Gateway', c.gateway);
      put(pool, 'AuxiliaryAddresses', stringMap(c.aux_addresses));
      return pool;
    });
  }
  put(body, 'Options', stringMap(i.options));
  return Object.keys(body).length > 0 ? body : undefined;
}
