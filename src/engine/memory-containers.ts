import { apiAtLeast } from './api-version.js';
import type { ContainerClient } from './container-client.js';
import { sortPorts } from './docker-container-map.js';
import type { Caller } from './engine-call.js';
import {
  httpError,
  matchesLabels,
  type MemoryContainer,
  type MemoryStore,
} from './memory-store.js';
import type { NetworkClient } from './network-client.js';
import type { ContainerDetails, ContainerSummary, HealthState, PublishedPort } from './types.js';
import { waitExited, waitHealthy } from './wait-container.js';

/** What the in-memory containers do on start (MemoryEngine's options). */
export interface MemoryStartBehaviour {
  /** Health right after start, for a container with a healthcheck; default `starting`. */
  healthOnStart?: HealthState;
  /** Called after each start, e.g. to make it healthy later or to let it exit. */
  onStart?: (c: MemoryContainer) => void;
}

/**
 * The ContainerClient of the in-memory engine. It keeps the engine's rules that the executor
 * depends on: unique names, an image must be present, one network at create below API 1.44,
 * ports that clash with a running container fail at start, a running container cannot be removed
 * without force, and each answer has the engine's wording.
 */
export function memoryContainerClient(
  store: MemoryStore,
  call: Caller,
  networks: NetworkClient,
  behaviour: MemoryStartBehaviour,
): ContainerClient {
  const inspect = (idOrName: string): Promise<ContainerDetails> =>
    call({ op: 'container.inspect', target: idOrName }, async () =>
      details(store.container(idOrName)),
    );
  return {
    list: (filter) =>
      call({ op: 'container.list' }, async () =>
        [...store.containers.values()]
          .filter((c) => matchesLabels(c.labels, filter?.label))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .map(summary),
      ),
    inspect,
    create: (name, body) =>
      call({ op: 'container.create', target: name }, async () => create(store, name, body)),
    start: (idOrName) =>
      call({ op: 'container.start', target: idOrName }, async () => {
        const c = store.container(idOrName);
        if (c.state === 'running') return;
        bindPorts(store, c);
        c.state = 'running';
        c.exitCode = 0;
        c.health = c.hasHealthcheck ? (behaviour.healthOnStart ?? 'starting') : 'none';
        behaviour.onStart?.(c);
      }),
    stop: (idOrName) =>
      call({ op: 'container.stop', target: idOrName }, async () => {
        const c = store.container(idOrName);
        if (c.state !== 'running') return;
        stopped(c, 137);
      }),
    remove: (idOrName, opts) =>
      call({ op: 'container.remove', target: idOrName }, async () => {
        const c = store.container(idOrName);
        if (c.state === 'running' && !opts?.force) {
          throw httpError(
            409,
            `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
          );
        }
        store.containers.delete(c.id);
      }),
    rename: (idOrName, newName) =>
      call({ op: 'container.rename', target: idOrName }, async () => {
        const c = store.container(idOrName);
        nameFree(store, newName);
        c.name = newName;
      }),
    connect: (idOrName, attachment) => networks.connect(attachment.network, idOrName, attachment),
    waitHealthy: (idOrName, opts) => waitHealthy(inspect, idOrName, opts),
    waitExited: (idOrName, opts) => waitExited(inspect, idOrName, opts),
  };
}

/** The container stops (by itself or by `stop`) with this exit code. */
export function stopped(c: MemoryContainer, exitCode: number): void {
  c.state = 'exited';
  c.exitCode = exitCode;
  c.ports = [];
  delete c.health;
}

/** Names are unique on an engine; the engine's 409 otherwise. */
function nameFree(store: MemoryStore, name: string): void {
  const existing = [...store.containers.values()].find((c) => c.name === name);
  if (existing) {
    throw httpError(
      409,
      `Conflict. The container name "/${name}" is already in use by container "${existing.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  }
}

function create(store: MemoryStore, name: string, body: Record<string, unknown>): string {
  nameFree(store, name);
  const image = String(body.Image ?? '');
  const imageId = store.findImage(image);
  if (!imageId) throw httpError(404, `No such image: ${image}`);
  const host = (body.HostConfig ?? {}) as Record<string, unknown>;
  const c: MemoryContainer = {
    id: store.newId('container'),
    name,
    labels: { ...((body.Labels as Record<string, string> | undefined) ?? {}) },
    image,
    imageId,
    state: 'created',
    hasHealthcheck: hasHealthcheck(body.Healthcheck),
    exitCode: 0,
    networks: joinAtCreate(store, body, host),
    portBindings: bindingsOf(host.PortBindings),
    ports: [],
    mounts: mountsOf(store, host.Mounts),
    body,
  };
  store.containers.set(c.id, c);
  return c.id;
}

function joinAtCreate(
  store: MemoryStore,
  body: Record<string, unknown>,
  host: Record<string, unknown>,
): MemoryContainer['networks'] {
  const endpoints = ((body.NetworkingConfig as Record<string, unknown> | undefined)
    ?.EndpointsConfig ?? {}) as Record<string, { Aliases?: string[] } | null>;
  const names = Object.keys(endpoints);
  if (names.length > 1 && !apiAtLeast(store.apiVersion, '1.44')) {
    throw httpError(400, `Container cannot be connected to network endpoints: ${names.join(', ')}`);
  }
  const mode = String(host.NetworkMode ?? 'default');
  const joined: MemoryContainer['networks'] = new Map();
  if (names.length === 0 && mode.startsWith('container:')) return joined;
  const wanted = names.length ? names : [mode === 'default' ? 'bridge' : mode];
  for (const n of wanted) {
    const net = store.network(n);
    const aliases = endpoints[n]?.Aliases;
    joined.set(net.name, aliases?.length ? { aliases: [...aliases] } : {});
  }
  return joined;
}

function hasHealthcheck(h: unknown): boolean {
  const test = (h as { Test?: unknown } | undefined)?.Test;
  return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
}

function bindingsOf(map: unknown): PublishedPort[] {
  const out: PublishedPort[] = [];
  const entries = Object.entries(
    (map ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>,
  );
  for (const [key, list] of entries) {
    const [port = '0', protocol = 'tcp'] = key.split('/');
    for (const b of list ?? []) {
      out.push({
        hostIp: b.HostIp ?? '',
        hostPort: Number.parseInt(b.HostPort ?? '', 10) || 0,
        containerPort: Number.parseInt(port, 10),
        protocol,
      });
    }
  }
  return sortPorts(out);
}

/** Mounts; a named volume that does not exist yet is created, as the engine does. */
function mountsOf(store: MemoryStore, mounts: unknown): MemoryContainer['mounts'] {
  const list = (mounts ?? []) as { Type?: string; Source?: string; Target?: string }[];
  return list.map((m) => {
    const type = m.Type ?? 'volume';
    if (type === 'volume' && m.Source && !store.volumes.has(m.Source)) {
      store.volumes.set(m.Source, { name: m.Source, driver: 'local', labels: {} });
    }
    return {
      type,
      source: m.Source ?? '',
      destination: m.Target ?? '',
      ...(type === 'volume' && m.Source ? { name: m.Source } : {}),
    };
  });
}

/** Take the host ports, or fail as the engine does when they are taken. */
function bindPorts(store: MemoryStore, c: MemoryContainer): void {
  const held = [...store.containers.values()]
    .filter((o) => o.state === 'running' && o.id !== c.id)
    .flatMap((o) => o.ports);
  const active: PublishedPort[] = [];
  for (const b of c.portBindings) {
    const hostPort = b.hostPort || store.ephemeralPort();
    const shown = `${b.hostIp || '0.0.0.0'}:${hostPort}`;
    const clash = [...held, ...active].some(
      (p) => p.hostPort === hostPort && p.protocol === b.protocol && overlaps(p.hostIp, b.hostIp),
    );
    const endpoint = `driver failed programming external connectivity on endpoint ${c.name} (${c.id})`;
    if (clash)
      throw httpError(500, `${endpoint}: Bind for ${shown} failed: port is already allocated`);
    if (store.hostPorts.has(`${b.hostIp || '0.0.0.0'}:${hostPort}/${b.protocol}`)) {
      const proto = b.protocol === 'udp' ? 'udp4' : 'tcp4';
      throw httpError(
        500,
        `${endpoint}: Error starting userland proxy: listen ${proto} ${shown}: bind: address already in use`,
      );
    }
    active.push({ ...b, hostPort });
  }
  c.ports = sortPorts(active);
}

function overlaps(a: string, b: string): boolean {
  const any = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';
  return any(a) || any(b) || a === b;
}

function summary(c: MemoryContainer): ContainerSummary {
  return {
    id: c.id,
    name: c.name,
    labels: { ...c.labels },
    state: c.state,
    ...(c.state === 'running' && c.health ? { health: c.health } : {}),
    ports: c.state === 'running' ? c.ports.map((p) => ({ ...p })) : [],
    networks: [...c.networks.keys()].sort(),
    image: c.image,
    imageId: c.imageId,
  };
}

function details(c: MemoryContainer): ContainerDetails {
  return {
    ...summary(c),
    exitCode: c.exitCode,
    portBindings: c.portBindings.map((p) => ({ ...p })),
    mounts: c.mounts.map((m) => ({ ...m })),
  };
}
