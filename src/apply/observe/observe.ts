import type { ContainerSummary, Engine } from '../../engine/index.js';
import { LABELS, type ObservedContainer, type ObservedState } from '../types.js';

/**
 * Everything planning needs from the engine, in one pass (STYLE.md: observe → reconcile →
 * execute): the API version (one ping), then four list calls in flight at once, covering every container,
 * network, volume and image. The project's objects are picked by the `io.nestc.project` label
 * here rather than by engine-side filters, because the unfiltered lists also give the names and
 * foreign ports planning must avoid. Planning makes no further calls.
 *
 * One addition: a project container that is not running binds no port, so its bindings are read
 * by inspect (only for those containers): a service keeps the port it got last time (NESTFILE.md
 * rule 5) even when its container was stopped.
 */
export async function observe(engine: Engine, project: string): Promise<ObservedState> {
  const [apiVersion, containers, networks, volumes, images] = await Promise.all([
    engine.system.apiVersion(),
    engine.containers.list(),
    engine.networks.list(),
    engine.volumes.list(),
    engine.images.list(),
  ]);
  const mine = (labels: Record<string, string>): boolean => labels[LABELS.project] === project;

  const own = containers.filter((c) => mine(c.labels));
  const observed = await Promise.all(own.map((c) => observeContainer(engine, c)));

  const containerNames = new Map<string, string | undefined>();
  for (const c of sortByName(containers)) containerNames.set(c.name, c.labels[LABELS.project]);

  const imageRefs = new Set<string>();
  for (const i of images) {
    imageRefs.add(i.id);
    for (const t of i.repoTags) imageRefs.add(t);
    for (const d of i.repoDigests) imageRefs.add(d);
  }

  return {
    apiVersion,
    containers: sortByName(observed),
    networks: sortByName(networks.filter((n) => mine(n.labels))).map((n) => ({
      id: n.id,
      name: n.name,
      labels: n.labels,
    })),
    volumes: sortByName(volumes.filter((v) => mine(v.labels))).map((v) => ({
      name: v.name,
      labels: v.labels,
    })),
    foreignPorts: foreignPorts(containers.filter((c) => !mine(c.labels))),
    containerNames,
    networkNames: new Set(networks.map((n) => n.name).sort()),
    volumeNames: new Set(volumes.map((v) => v.name).sort()),
    images: new Set([...imageRefs].sort()),
  };
}

/** A project container; one that is not running gets its bindings from inspect. */
async function observeContainer(engine: Engine, c: ContainerSummary): Promise<ObservedContainer> {
  let ports = c.ports;
  if (c.state !== 'running') {
    const details = await engine.containers.inspect(c.id);
    ports = details.portBindings.filter((p) => p.hostPort !== 0);
  }
  return {
    id: c.id,
    name: c.name,
    labels: c.labels,
    state: c.state,
    ...(c.health ? { health: c.health } : {}),
    ports: ports.map(({ hostIp, hostPort, containerPort, protocol }) => ({
      hostIp,
      hostPort,
      containerPort,
      protocol,
    })),
    networks: c.networks,
    imageId: c.imageId,
  };
}

/**
 * Host ports that running containers of other projects (or not nestc's at all) hold, once each,
 * in port order. Stopped containers hold none.
 */
function foreignPorts(containers: ContainerSummary[]): ObservedState['foreignPorts'] {
  const seen = new Map<string, ObservedState['foreignPorts'][number]>();
  for (const c of containers) {
    if (c.state !== 'running') continue;
    for (const p of c.ports) {
      const entry = { hostIp: p.hostIp, port: p.hostPort, protocol: p.protocol, owner: c.name };
      seen.set(`${entry.port}/${entry.protocol}/${entry.hostIp}/${entry.owner}`, entry);
    }
  }
  return [...seen.values()].sort(
    (a, b) =>
      a.port - b.port ||
      cmp(a.protocol, b.protocol) ||
      cmp(a.hostIp, b.hostIp) ||
      cmp(a.owner, b.owner),
  );
}

function sortByName<T extends { name: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => cmp(a.name, b.name));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
