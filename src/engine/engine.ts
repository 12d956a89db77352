import type { ContainerClient } from './container-client.js';
import type { EngineStats } from './engine-stats.js';
import type { ImageClient } from './image-client.js';
import type { NetworkClient } from './network-client.js';
import type { SystemClient } from './system-client.js';
import type { VolumeClient } from './volume-client.js';

/**
 * The only door to a Docker engine (STYLE.md, "thin edges"): one narrow client per kind of
 * object. connectEngine() gives the real one, MemoryEngine an in-memory one for unit tests;
 * observe, the executor and the commands see no difference.
 */
export interface Engine {
  /** Where the engine is, as messages print it (`unix:///var/run/docker.sock`). */
  readonly address: string;
  readonly containers: ContainerClient;
  readonly networks: NetworkClient;
  readonly volumes: VolumeClient;
  readonly images: ImageClient;
  readonly system: SystemClient;
  /** Every call made through this Engine, reads and writes counted apart. */
  readonly stats: EngineStats;
}
