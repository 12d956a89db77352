/**
 * The engine layer's public surface: the rest of nestc imports from here. The in-memory engine
 * for unit tests is imported from './memory-engine.js' directly, so commands never load it.
 */
export { apiAtLeast, CLIENT_MAX_API_VERSION, compareApiVersions } from './api-version.js';
export { connectEngine, type ConnectOptions } from './connect-engine.js';
export type { ContainerClient } from './container-client.js';
export { DEFAULT_SOCKET, parseDockerHost, type DockerHost } from './docker-host.js';
export type { Engine } from './engine.js';
export { EngineError, isEngineError, type EngineErrorCode } from './engine-error.js';
export { noopLogger, type EngineLogger } from './engine-logger.js';
export { ENGINE_OPS, type EngineOp } from './engine-ops.js';
export { EngineStats, type StatsSnapshot } from './engine-stats.js';
export type { ImageClient } from './image-client.js';
export { hasImage, normalizeImageRef } from './image-ref.js';
export type { NetworkClient } from './network-client.js';
export type { SystemClient } from './system-client.js';
export type * from './types.js';
export type { VolumeClient } from './volume-client.js';
export type { ExitWait, HealthWait, WaitOptions } from './wait-container.js';
