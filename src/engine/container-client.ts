import {
  detailsFromInspect,
  summaryFromList,
  type ApiContainerInspect,
  type ApiContainerListEntry,
} from './docker-container-map.js';
import type { Send } from './engine-api.js';
import type { Caller } from './engine-call.js';
import type { NetworkClient } from './network-client.js';
import type { ContainerDetails, ContainerSummary, ListFilter, NetworkAttachment } from './types.js';
import {
  waitExited,
  waitHealthy,
  type ExitWait,
  type HealthWait,
  type WaitOptions,
} from './wait-container.js';

/**
 * Containers, as the executor, `down` and `ps` need them. Every method takes a name or an id
 * (the engine accepts both); pass the name and the messages read well. Each method is one engine
 * call, except the waits, which poll `inspect`.
 */
export interface ContainerClient {
  /** Every container in any state (stopped ones too), optionally filtered by label. */
  list(filter?: ListFilter): Promise<ContainerSummary[]>;
  inspect(idOrName: string): Promise<ContainerDetails>;
  /** Create from an Engine API `ContainerCreate` body; returns the new id. */
  create(name: string, body: Record<string, unknown>): Promise<string>;
  /** Start; starting a running container is not an error. */
  start(idOrName: string): Promise<void>;
  /** Stop (SIGTERM, then SIGKILL after `timeoutSeconds`); a stopped container is not an error. */
  stop(idOrName: string, timeoutSeconds?: number): Promise<void>;
  remove(idOrName: string, opts?: { force?: boolean; volumes?: boolean }): Promise<void>;
  /** Give the container another name (a replace sets the old one aside under a new name). */
  rename(idOrName: string, newName: string): Promise<void>;
  /** Join one more network (API < 1.44 takes one network at create). */
  connect(idOrName: string, attachment: NetworkAttachment): Promise<void>;
  waitHealthy(idOrName: string, opts: WaitOptions): Promise<HealthWait>;
  waitExited(idOrName: string, opts: WaitOptions): Promise<ExitWait>;
}

/** 304: starting a running (or stopping a stopped) container is already done. */
const DONE = [200, 204, 304];

/** The ContainerClient of a real engine. */
export function engineContainerClient(
  send: Send,
  call: Caller,
  networks: NetworkClient,
): ContainerClient {
  const path = (idOrName: string): string => `/containers/${encodeURIComponent(idOrName)}`;
  const inspect = (idOrName: string): Promise<ContainerDetails> =>
    call({ op: 'container.inspect', target: idOrName }, async () =>
      detailsFromInspect((await send('GET', `${path(idOrName)}/json`)) as ApiContainerInspect),
    );
  return {
    list: (filter) =>
      call({ op: 'container.list' }, async () => {
        const query = { all: 1, filters: filterQuery(filter) };
        const all = (await send('GET', '/containers/json', { query })) as ApiContainerListEntry[];
        return all.map(summaryFromList);
      }),
    inspect,
    create: (name, body) =>
      call({ op: 'container.create', target: name }, async () => {
        const res = await send('POST', '/containers/create', { query: { name }, body });
        return (res as { Id: string }).Id;
      }),
    start: (idOrName) =>
      call({ op: 'container.start', target: idOrName }, async () => {
        await send('POST', `${path(idOrName)}/start`, { ok: DONE });
      }),
    stop: (idOrName, timeoutSeconds) =>
      call({ op: 'container.stop', target: idOrName }, async () => {
        await send('POST', `${path(idOrName)}/stop`, { query: { t: timeoutSeconds }, ok: DONE });
      }),
    remove: (idOrName, opts) =>
      call({ op: 'container.remove', target: idOrName }, async () => {
        const query = { force: opts?.force ? 1 : undefined, v: opts?.volumes ? 1 : undefined };
        await send('DELETE', path(idOrName), { query });
      }),
    rename: (idOrName, newName) =>
      call({ op: 'container.rename', target: idOrName }, async () => {
        await send('POST', `${path(idOrName)}/rename`, { query: { name: newName } });
      }),
    connect: (idOrName, attachment) => networks.connect(attachment.network, idOrName, attachment),
    waitHealthy: (idOrName, opts) => waitHealthy(inspect, idOrName, opts),
    waitExited: (idOrName, opts) => waitExited(inspect, idOrName, opts),
  };
}

/** The `filters` query parameter (JSON), or undefined for none. */
export function filterQuery(filter: ListFilter | undefined): string | undefined {
  return filter?.label?.length ? JSON.stringify({ label: filter.label }) : undefined;
}
