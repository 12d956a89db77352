import type { Caller } from './engine-call.js';
import type { ImageClient } from './image-client.js';
import { byName, httpError, matchesLabels, type MemoryStore } from './memory-store.js';
import type { NetworkClient } from './network-client.js';
import type { VolumeClient } from './volume-client.js';

const PREDEFINED = new Set(['bridge', 'host', 'none']);

/** Networks of the in-memory engine, with the engine's checks and wording. */
export function memoryNetworkClient(store: MemoryStore, call: Caller): NetworkClient {
  return {
    list: (filter) =>
      call({ op: 'network.list' }, async () =>
        [...store.networks.values()]
          .filter((n) => matchesLabels(n.labels, filter?.label))
          .map((n) => ({ id: n.id, name: n.name, driver: n.driver, labels: { ...n.labels } }))
          .sort(byName),
      ),
    create: (body) =>
      call({ op: 'network.create', target: String(body.Name ?? '') }, async () => {
        const name = String(body.Name ?? '');
        if (!name) throw httpError(400, 'network name is required');
        if (store.findNetwork(name))
          throw httpError(409, `network with name ${name} already exists`);
        const id = store.newId('network');
        const labels = { ...((body.Labels as Record<string, string> | undefined) ?? {}) };
        store.networks.set(id, { id, name, driver: String(body.Driver ?? 'bridge'), labels, body });
        return id;
      }),
    remove: (idOrName) =>
      call({ op: 'network.remove', target: idOrName }, async () => {
        const n = store.network(idOrName);
        if (PREDEFINED.has(n.name)) {
          throw httpError(403, `${n.name} is a pre-defined network and cannot be removed`);
        }
        const inUse = [...store.containers.values()].some((c) => c.networks.has(n.name));
        if (inUse) {
          throw httpError(
            403,
            `error while removing network: network ${n.name} id ${n.id} has active endpoints`,
          );
        }
        store.networks.delete(n.id);
      }),
    connect: (network, container, attachment) =>
      call(
        {
          op: 'network.connect',
          target: container,
          describe: `connecting container "${container}" to network "${network}"`,
        },
        async () => {
          const n = store.network(network);
          const c = store.container(container);
          if (c.networks.has(n.name)) {
            throw httpError(
              403,
              `endpoint with name ${c.name} already exists in network ${n.name}`,
            );
          }
          const { aliases, ipv4Address, ipv6Address } = attachment ?? {};
          c.networks.set(n.name, {
            ...(aliases?.length ? { aliases: [...aliases] } : {}),
            ...(ipv4Address ? { ipv4Address } : {}),
            ...(ipv6Address ? { ipv6Address } : {}),
          });
        },
      ),
  };
}

/** Volumes of the in-memory engine; creating an existing name returns it unchanged. */
export function memoryVolumeClient(store: MemoryStore, call: Caller): VolumeClient {
  return {
    list: (filter) =>
      call({ op: 'volume.list' }, async () =>
        [...store.volumes.values()]
          .filter((v) => matchesLabels(v.labels, filter?.label))
          .map((v) => ({ name: v.name, driver: v.driver, labels: { ...v.labels } }))
          .sort(byName),
      ),
    create: (body) =>
      call({ op: 'volume.create', target: String(body.Name ?? '') }, async () => {
        const name = String(body.Name ?? '') || store.newId('volume');
        if (!store.volumes.has(name)) {
          const labels = { ...((body.Labels as Record<string, string> | undefined) ?? {}) };
          store.volumes.set(name, { name, driver: String(body.Driver ?? 'local'), labels });
        }
        return name;
      }),
    remove: (name, opts) =>
      call({ op: 'volume.remove', target: name }, async () => {
        if (!store.volumes.has(name)) {
          if (opts?.force) return; // as the engine: force ignores a missing volume
          throw httpError(404, `get ${name}: no such volume`);
        }
        const users = [...store.containers.values()].filter((c) =>
          c.mounts.some((m) => m.type === 'volume' && m.name === name),
        );
        if (users.length) {
          throw httpError(
            409,
            `remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`,
          );
        }
        store.volumes.delete(name);
      }),
  };
}

/** Images of the in-memory engine (MemoryEngine.addImage puts them there). */
export function memoryImageClient(store: MemoryStore, call: Caller): ImageClient {
  return {
    list: () =>
      call({ op: 'image.list' }, async () =>
        [...store.images.entries()]
          .map(([id, tags]) => ({ id, repoTags: [...tags], repoDigests: [] }))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      ),
    exists: (ref) =>
      call({ op: 'image.inspect', target: ref }, async () => store.findImage(ref) !== undefined),
  };
}
