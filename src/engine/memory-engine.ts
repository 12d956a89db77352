import { negotiateApiVersion } from './api-version.js';
import type { ContainerClient } from './container-client.js';
import type { Engine } from './engine.js';
import { makeCaller, type Caller } from './engine-call.js';
import type { EngineOp } from './engine-ops.js';
import { noopLogger, type EngineLogger } from './engine-logger.js';
import { EngineStats } from './engine-stats.js';
import type { ImageClient } from './image-client.js';
import { memoryContainerClient, stopped, type MemoryStartBehaviour } from './memory-containers.js';
import { memoryImageClient, memoryNetworkClient, memoryVolumeClient } from './memory-resources.js';
import { MemoryStore, type MemoryContainer } from './memory-store.js';
import type { NetworkClient } from './network-client.js';
import type { SystemClient } from './system-client.js';
import type { HealthState, VersionInfo } from './types.js';
import type { VolumeClient } from './volume-client.js';

export interface MemoryEngineOptions extends MemoryStartBehaviour {
  /** The API version the engine offers; default `1.41` (Debian 12's Docker 20.10). */
  apiVersion?: string;
  /** Images present from the start. */
  images?: string[];
  logger?: EngineLogger;
}

/**
 * An Engine held in memory, for unit tests of the executor and the commands: the same interfaces,
 * the same counting of reads and writes, the same error codes and messages as the real engine
 * (memory-containers.ts lists the rules it keeps), plus controls a test needs: set a
 * container's health, let it exit, hold a host port outside the engine, make a call fail.
 */
export class MemoryEngine implements Engine {
  readonly address = 'memory://engine';
  readonly stats = new EngineStats();
  readonly store: MemoryStore;
  readonly containers: ContainerClient;
  readonly networks: NetworkClient;
  readonly volumes: VolumeClient;
  readonly images: ImageClient;
  readonly system: SystemClient;
  private readonly failures: { op: EngineOp; target?: string; error: unknown }[] = [];

  constructor(opts: MemoryEngineOptions = {}) {
    const engineApi = opts.apiVersion ?? '1.41';
    this.store = new MemoryStore(negotiateApiVersion(engineApi));
    for (const ref of opts.images ?? []) this.store.addImage(ref);
    const inner = makeCaller({
      address: this.address,
      logger: opts.logger ?? noopLogger,
      stats: this.stats,
    });
    const call: Caller = (spec, fn) =>
      inner(spec, () => this.failure(spec.op, spec.target) ?? fn());
    const info: VersionInfo = {
      apiVersion: this.store.apiVersion,
      engineApiVersion: engineApi,
      minApiVersion: '1.12',
      engineVersion: '20.10.24-memory',
      os: 'linux',
      arch: 'amd64',
    };
    let negotiated: Promise<string> | undefined;
    let version: Promise<VersionInfo> | undefined;
    this.networks = memoryNetworkClient(this.store, call);
    this.containers = memoryContainerClient(this.store, call, this.networks, opts);
    this.volumes = memoryVolumeClient(this.store, call);
    this.images = memoryImageClient(this.store, call);
    this.system = {
      apiVersion: () =>
        (negotiated ??= call({ op: 'system.ping' }, async () => this.store.apiVersion)),
      version: () => (version ??= call({ op: 'system.version' }, async () => info)),
      ping: () => call({ op: 'system.ping' }, async () => undefined),
    };
  }

  /** Make an image present. */
  addImage(ref: string): string {
    return this.store.addImage(ref);
  }

  /** A container by name or id (throws when there is none: a test bug). */
  container(idOrName: string): MemoryContainer {
    const c = this.store.findContainer(idOrName);
    if (!c) throw new Error(`memory engine: no container ${idOrName}`);
    return c;
  }

  /** Set a running container's health (the healthcheck's verdict). */
  setHealth(idOrName: string, health: HealthState): void {
    this.container(idOrName).health = health;
  }

  /** The container's process ends with `exitCode`. */
  exit(idOrName: string, exitCode: number): void {
    stopped(this.container(idOrName), exitCode);
  }

  /** A process outside the engine listens on `hostIp:port` (`0.0.0.0` for every address). */
  holdHostPort(hostIp: string, port: number, protocol = 'tcp'): void {
    this.store.hostPorts.add(`${hostIp}:${port}/${protocol}`);
  }

  /**
   * The next call of `op` (on `target`, when given) fails with `error`: a raw error as dockerode
   * would throw (`{ code: 'ECONNREFUSED' }`, `{ statusCode: 500, json: { message } }`) or an
   * EngineError. The call is still counted.
   */
  failNext(op: EngineOp, error: unknown, target?: string): void {
    this.failures.push({ op, error, ...(target !== undefined ? { target } : {}) });
  }

  private failure(op: EngineOp, target: string | undefined): Promise<never> | undefined {
    const i = this.failures.findIndex(
      (f) => f.op === op && (f.target === undefined || f.target === target),
    );
    if (i < 0) return undefined;
    const [f] = this.failures.splice(i, 1);
    return Promise.reject(f?.error);
  }
}
