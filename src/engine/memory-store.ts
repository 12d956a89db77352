import { createHash } from 'node:crypto';
import { normalizeImageRef } from './image-ref.js';
import { engineHttpError } from './transport.js';
import type { ContainerState, HealthState, NetworkAttachment, PublishedPort } from './types.js';

/** A container of the in-memory engine. Tests may read and change it through MemoryEngine. */
export interface MemoryContainer {
  id: string;
  name: string;
  labels: Record<string, string>;
  image: string;
  imageId: string;
  state: ContainerState;
  health?: HealthState;
  /** Whether the create body had a healthcheck (other than `NONE`). */
  hasHealthcheck: boolean;
  exitCode: number;
  /** Network name → how it joined. */
  networks: Map<string, Omit<NetworkAttachment, 'network'>>;
  /** Bindings asked for at create (port 0: any). */
  portBindings: PublishedPort[];
  /** Bindings held while running. */
  ports: PublishedPort[];
  mounts: { type: string; source: string; destination: string; name?: string }[];
  /** The create body, as given. */
  body: Record<string, unknown>;
}

export interface MemoryNetwork {
  id: string;
  name: string;
  driver: string;
  labels: Record<string, string>;
  body: Record<string, unknown>;
}

export interface MemoryVolume {
  name: string;
  driver: string;
  labels: Record<string, string>;
}

/**
 * The state of the in-memory engine, and the engine's error answers. Failures are thrown in the
 * shape the real transports give (`statusCode`, `json.message` with the engine's real wording), so the
 * same classifier turns them into EngineErrors and unit tests exercise it too.
 */
export class MemoryStore {
  readonly containers = new Map<string, MemoryContainer>();
  readonly networks = new Map<string, MemoryNetwork>();
  readonly volumes = new Map<string, MemoryVolume>();
  /** Image id → its tags. */
  readonly images = new Map<string, string[]>();
  /** Host ports held by processes outside the engine (`ip:port/proto`). */
  readonly hostPorts = new Set<string>();
  private counter = 0;
  private nextEphemeral = 32768;

  constructor(readonly apiVersion: string) {
    for (const [name, driver] of [
      ['bridge', 'bridge'],
      ['host', 'host'],
      ['none', 'null'],
    ] as const) {
      const id = this.newId('network');
      this.networks.set(id, { id, name, driver, labels: {}, body: {} });
    }
  }

  /** A deterministic 64-hex id: same calls, same ids, so test output is stable. */
  newId(kind: string): string {
    return createHash('sha256').update(`${kind}:${++this.counter}`).digest('hex');
  }

  /** A free port for a binding that asked for any. */
  ephemeralPort(): number {
    return this.nextEphemeral++;
  }

  addImage(ref: string): string {
    const existing = this.findImage(ref);
    if (existing) return existing;
    const id = `sha256:${this.newId('image')}`;
    this.images.set(id, [normalizeImageRef(ref)]);
    return id;
  }

  /** Image id for a tag, digest, id or id prefix. */
  findImage(ref: string): string | undefined {
    const n = normalizeImageRef(ref);
    for (const [id, tags] of this.images) {
      if (tags.includes(n) || id === ref || id === `sha256:${ref}`) return id;
      if (/^[0-9a-f]{12,}$/.test(ref) && id.startsWith(`sha256:${ref}`)) return id;
    }
    return undefined;
  }

  /** By id, unique id prefix, or name (as the engine resolves them). */
  container(idOrName: string): MemoryContainer {
    const c = this.findContainer(idOrName);
    if (!c) throw httpError(404, `No such container: ${idOrName}`);
    return c;
  }

  findContainer(idOrName: string): MemoryContainer | undefined {
    const byId = this.containers.get(idOrName);
    if (byId) return byId;
    for (const c of this.containers.values()) if (c.name === idOrName) return c;
    const prefixed = [...this.containers.values()].filter((c) => c.id.startsWith(idOrName));
    return idOrName.length >= 1 && prefixed.length === 1 ? prefixed[0] : undefined;
  }

  network(idOrName: string): MemoryNetwork {
    const n = this.findNetwork(idOrName);
    if (!n) throw httpError(404, `network ${idOrName} not found`);
    return n;
  }

  findNetwork(idOrName: string): MemoryNetwork | undefined {
    const byId = this.networks.get(idOrName);
    if (byId) return byId;
    for (const n of this.networks.values()) if (n.name === idOrName) return n;
    return undefined;
  }
}

/** An engine answer with an HTTP error status and the engine's message. */
export function httpError(statusCode: number, message: string): Error {
  return engineHttpError(statusCode, { message });
}

/** Whether a label filter (`KEY` or `KEY=VALUE` entries, all must match) accepts `labels`. */
export function matchesLabels(labels: Record<string, string>, filter: string[] = []): boolean {
  return filter.every((f) => {
    const eq = f.indexOf('=');
    if (eq < 0) return f in labels;
    return labels[f.slice(0, eq)] === f.slice(eq + 1);
  });
}

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
