import { LABELS, type DesiredContainer, type ObservedContainer, type Operation } from '../types.js';
import {
  containerLabels,
  containerNetworks,
  containerPortBindings,
  type HostPortBinding,
} from './container-needs.js';
import { isImageId, listedImageRef } from './image-ref.js';

/**
 * The operation for one desired container, matched by name with the project's existing one
 * (Compose v2's `mustRecreate` and `ensureService`): none → create; a different config hash, an
 * image that moved, a network it should be on but is not, or a dead container → replace (one
 * operation: stop, remove, create, start); stopped → start; else unchanged. Dependencies that
 * force a replace (`restart: true`) are added afterwards (restart-deps.ts).
 */
export interface ContainerContext {
  /** Engine names of networks that are replaced: their containers must be recreated. */
  replacedNetworks: ReadonlySet<string>;
  /** Listed image reference → image id, when the observe pass knows it. */
  imageIds?: ReadonlyMap<string, string>;
}

export function planContainer(
  c: DesiredContainer,
  existing: ObservedContainer | undefined,
  ctx: ContainerContext,
): Operation {
  const base = {
    id: `container:${c.name}`,
    kind: 'container' as const,
    name: c.name,
    label: c.nestPath,
    after: [],
    desired: c,
  };
  if (!existing) return { ...base, action: 'create', causes: [] };
  const causes = replaceCauses(c, existing, ctx);
  const withId = { ...base, existingId: existing.id };
  if (causes.length > 0) return { ...withId, action: 'replace', causes };
  if (existing.state === 'created') {
    return { ...withId, action: 'start', causes: ['created, never started'] };
  }
  if (existing.state === 'exited') return { ...withId, action: 'start', causes: ['stopped'] };
  return { ...withId, action: 'unchanged', causes: [] };
}

/**
 * Why an existing container must be recreated, most telling first. Only the config hash is
 * stored on the container, so a changed hash is reported as such; the fields that can be
 * compared with what the engine shows (labels, published ports, networks, image id) are named
 * in addition when they differ.
 */
function replaceCauses(
  c: DesiredContainer,
  existing: ObservedContainer,
  ctx: ContainerContext,
): string[] {
  const causes: string[] = [];
  const image = imageCause(c, existing, ctx.imageIds);
  if (image) causes.push(image);
  const hashChanged = existing.labels[LABELS.configHash] !== c.configHash;
  if (hashChanged) {
    causes.push('configuration changed (config hash)');
    if (labelsDiffer(c, existing)) causes.push('labels changed');
    if (existing.state === 'running' && portsDiffer(containerPortBindings(c), existing.ports)) {
      causes.push('ports changed');
    }
  }
  const wanted = containerNetworks(c);
  for (const net of wanted) {
    if (ctx.replacedNetworks.has(net)) causes.push(`network ${net} replaced`);
    else if (!existing.networks.includes(net)) causes.push(`network ${net} missing`);
  }
  if (hashChanged) {
    const mode = networkModeName(c);
    for (const net of [...existing.networks].sort()) {
      if (!wanted.includes(net) && net !== mode) causes.push(`network ${net} dropped`);
    }
  }
  if (existing.state === 'dead' || existing.state === 'removing') {
    causes.push(`container is ${existing.state}`);
  }
  return causes;
}

/** `image changed (busybox:1 is now 0123456789ab)` when the image id moved under its name. */
function imageCause(
  c: DesiredContainer,
  existing: ObservedContainer,
  imageIds: ReadonlyMap<string, string> | undefined,
): string | undefined {
  const wanted = isImageId(c.image)
    ? c.image
    : (imageIds?.get(listedImageRef(c.image)) ?? imageIds?.get(c.image));
  if (!wanted || !existing.imageId) return undefined;
  if (hexOf(existing.imageId).startsWith(hexOf(wanted))) return undefined;
  if (hexOf(wanted).startsWith(hexOf(existing.imageId))) return undefined;
  return `image changed (${c.image} is now ${hexOf(wanted).slice(0, 12)})`;
}

function hexOf(id: string): string {
  return id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
}

/**
 * Whether a label the nestfile sets is missing or different on the container. Labels of the
 * image show on the container too, so extra labels prove nothing; nestc's own labels are
 * covered by the hash.
 */
function labelsDiffer(c: DesiredContainer, existing: ObservedContainer): boolean {
  for (const [k, v] of Object.entries(containerLabels(c))) {
    if (k.startsWith('io.nestc.')) continue;
    if (existing.labels[k] !== v) return true;
  }
  return false;
}

/**
 * Whether the published ports differ (the engine lists them for running containers only). An
 * engine-chosen host port matches any; the engine lists a binding once per address family,
 * so the comparison is between sets.
 */
function portsDiffer(wanted: HostPortBinding[], actual: ObservedContainer['ports']): boolean {
  const key = (container: number, protocol: string, host?: number): string =>
    `${container}/${protocol}:${host ?? '*'}`;
  const have = new Set(actual.map((p) => key(p.containerPort, p.protocol, p.hostPort)));
  const haveAny = new Set(actual.map((p) => key(p.containerPort, p.protocol)));
  for (const w of wanted) {
    const k = key(w.containerPort, w.protocol, w.hostPort);
    if (w.hostPort === undefined ? !haveAny.has(k) : !have.has(k)) return true;
  }
  for (const a of actual) {
    const matched = wanted.some(
      (w) =>
        w.containerPort === a.containerPort &&
        w.protocol === a.protocol &&
        (w.hostPort === undefined || w.hostPort === a.hostPort),
    );
    if (!matched) return true;
  }
  return false;
}

/** `HostConfig.NetworkMode` when it names a network (`host`, `bridge`, a network name). */
function networkModeName(c: DesiredContainer): string | undefined {
  const hostConfig = c.create['HostConfig'];
  if (hostConfig === null || typeof hostConfig !== 'object') return undefined;
  const mode = (hostConfig as Record<string, unknown>)['NetworkMode'];
  if (typeof mode !== 'string' || mode.includes(':')) return undefined;
  return mode;
}
