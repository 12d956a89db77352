import { filterQuery } from './container-client.js';
import type { Send } from './engine-api.js';
import type { Caller } from './engine-call.js';
import type { ListFilter, NetworkAttachment, NetworkSummary } from './types.js';

/** Networks: what observe lists, the executor creates and joins, and `down` removes. */
export interface NetworkClient {
  list(filter?: ListFilter): Promise<NetworkSummary[]>;
  /** Create from an Engine API `NetworkCreate` body; returns the new id. */
  create(body: Record<string, unknown>): Promise<string>;
  remove(idOrName: string): Promise<void>;
  /** Attach a container (name or id) with aliases and fixed addresses. */
  connect(
    network: string,
    container: string,
    attachment?: Omit<NetworkAttachment, 'network'>,
  ): Promise<void>;
}

interface ApiNetwork {
  Id: string;
  Name: string;
  Driver?: string;
  Labels?: Record<string, string> | null;
}

/** The NetworkClient of a real engine. */
export function engineNetworkClient(send: Send, call: Caller): NetworkClient {
  const path = (idOrName: string): string => `/networks/${encodeURIComponent(idOrName)}`;
  return {
    list: (filter) =>
      call({ op: 'network.list' }, async () => {
        const query = { filters: filterQuery(filter) };
        const all = (await send('GET', '/networks', { query })) as ApiNetwork[];
        return all
          .map((n) => ({
            id: n.Id,
            name: n.Name,
            driver: n.Driver ?? '',
            labels: { ...(n.Labels ?? {}) },
          }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      }),
    create: (body) =>
      call({ op: 'network.create', target: String(body.Name ?? '') }, async () => {
        // Below API 1.44 the engine creates a second network of the same name unless asked to
        // check; from 1.44 it always checks and ignores the field.
        const res = await send('POST', '/networks/create', {
          body: { CheckDuplicate: true, ...body },
        });
        return (res as { Id: string }).Id;
      }),
    remove: (idOrName) =>
      call({ op: 'network.remove', target: idOrName }, async () => {
        await send('DELETE', path(idOrName));
      }),
    connect: (network, container, attachment) =>
      call(
        {
          op: 'network.connect',
          target: container,
          describe: `connecting container "${container}" to network "${network}"`,
        },
        async () => {
          await send('POST', `${path(network)}/connect`, {
            body: connectBody(container, attachment),
          });
        },
      ),
  };
}

/** The Engine API's `NetworkConnect` body. */
export function connectBody(
  container: string,
  a: Omit<NetworkAttachment, 'network'> = {},
): Record<string, unknown> {
  const ipam: Record<string, string> = {};
  if (a.ipv4Address) ipam.IPv4Address = a.ipv4Address;
  if (a.ipv6Address) ipam.IPv6Address = a.ipv6Address;
  const endpoint: Record<string, unknown> = {};
  if (a.aliases?.length) endpoint.Aliases = a.aliases;
  if (Object.keys(ipam).length) endpoint.IPAMConfig = ipam;
  return { Container: container, EndpointConfig: endpoint };
}
