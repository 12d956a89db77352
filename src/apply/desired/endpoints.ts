import type { Service, ServiceNetwork } from '../../model/compose.js';
import type { DesiredAttachment } from '../types.js';
import { put, stringList, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { namespaceMode } from './namespaces.js';

/**
 * A network a container joins after create, with the engine's full `EndpointSettings` for
 * `POST /networks/{id}/connect` (`EndpointConfig`). `DesiredAttachment` (src/apply/types.ts)
 * carries aliases and addresses; `endpoint` adds what it has no field for (links, link-local
 * addresses, driver options), so the executor can send it as it is.
 */
export interface DesiredEndpoint extends DesiredAttachment {
  endpoint: Body;
}

/** One network of a service, validated once for all its replicas. */
interface Joined {
  key: string;
  /** Engine name. */
  network: string;
  config: ServiceNetwork | null;
}

/** How the replicas of one service are networked: a `network_mode`, or networks by priority. */
export type ServiceNetworking =
  | { kind: 'mode'; mode: string; disabled: boolean }
  | { kind: 'networks'; joined: Joined[]; mac?: string };

/**
 * Read a service's `network_mode` or `networks` once (with its diagnostics). Networks are taken
 * in Compose v2's `NetworksByPriority` order: highest `priority` first, then by key; the first
 * is the one given at create (API < 1.44 takes one), the others are connected after.
 */
export function serviceNetworking(
  ctx: DesiredContext,
  name: string,
  s: Service,
): ServiceNetworking {
  if (typeof s.network_mode === 'string' && s.network_mode !== '') {
    const disabled = s.network_mode === 'disabled';
    return { kind: 'mode', mode: disabled ? 'none' : namespaceMode(ctx, s.network_mode), disabled };
  }
  const nets = s.networks ?? {};
  const joined: Joined[] = Object.keys(nets).map((key) => ({
    key,
    network: ctx.project.networks?.[key]?.name ?? key,
    config: nets[key] ?? null,
  }));
  joined.sort((a, b) => priority(b) - priority(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let mac: string | undefined;
  joined.forEach((j, i) => {
    const c = j.config;
    if (!c) return;
    checkKeys(ctx, name, c, `networks.${j.key}`, {
      mapped: [
        'aliases',
        'ipv4_address',
        'ipv6_address',
        'link_local_ips',
        'driver_opts',
        'priority',
        ...(i === 0 ? ['mac_address'] : []),
      ],
      unsupported: {
        mac_address:
          'a MAC address on a network other than the first needs Engine API 1.44, which nestc does not use yet',
        gw_priority: 'the gateway priority needs Engine API 1.48, which nestc does not use yet',
        interface_name: 'the interface name needs Engine API 1.49, which nestc does not use yet',
      },
    });
    if (i === 0 && typeof c.mac_address === 'string') mac = c.mac_address;
  });
  return { kind: 'networks', joined, ...(mac ? { mac } : {}) };
}

function priority(j: Joined): number {
  const p = j.config?.priority;
  return typeof p === 'number' ? p : 0;
}

/** The networking of one replica: create-body fields, and the networks to connect after. */
export interface ReplicaNetworking {
  networkMode: string;
  networkDisabled: boolean;
  networkingConfig?: Body;
  connect: DesiredEndpoint[];
  /** The first network's MAC address (`Config.MacAddress` before API 1.44). */
  mac?: string;
}

/**
 * The endpoints of one replica. Aliases are Compose v2's (`getAliases`): the container name,
 * the flat service name, then the aliases the resolver gave it on that network (its inner name
 * in a scope); legacy links go on every endpoint, where the engine resolves them on user-defined
 * networks. `NetworkMode` is the first network's engine name, as Compose sets it.
 */
export function replicaNetworking(
  net: ServiceNetworking,
  service: string,
  container: string,
  links: string[],
): ReplicaNetworking {
  if (net.kind === 'mode') {
    return { networkMode: net.mode, networkDisabled: net.disabled, connect: [] };
  }
  const endpoints = net.joined.map((j) => endpoint(j, service, container, links));
  const [first, ...rest] = endpoints;
  if (!first) return { networkMode: 'none', networkDisabled: false, connect: [] };
  return {
    networkMode: first.network,
    networkDisabled: false,
    networkingConfig: { EndpointsConfig: { [first.network]: first.endpoint } },
    connect: rest,
    ...(net.mac ? { mac: net.mac } : {}),
  };
}

function endpoint(j: Joined, service: string, container: string, links: string[]): DesiredEndpoint {
  const c = j.config ?? {};
  const aliases = unique([container, service, ...(stringList(c.aliases) ?? [])]);
  const ep: Body = { Aliases: aliases };
  if (links.length > 0) ep.Links = links;
  const ipam: Body = {};
  put(ipam, 'IPv4Address', c.ipv4_address);
  put(ipam, 'IPv6Address', c.ipv6_address);
  put(ipam, 'LinkLocalIPs', stringList(c.link_local_ips));
  if (Object.keys(ipam).length > 0) ep.IPAMConfig = ipam;
  put(ep, 'DriverOpts', stringMap(c.driver_opts));
  return {
    network: j.network,
    aliases,
    ...(c.ipv4_address ? { ipv4Address: c.ipv4_address } : {}),
    ...(c.ipv6_address ? { ipv6Address: c.ipv6_address } : {}),
    endpoint: ep,
  };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
