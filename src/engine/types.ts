/**
 * The engine's objects as nestc sees them: small plain shapes, not dockerode's. The rest of
 * nestc only ever sees these, so the in-memory engine (memory-engine.ts) can stand in for the
 * real one in unit tests, and a change of engine client touches this directory only.
 */

export type ContainerState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** `none`: the container runs without a healthcheck. */
export type HealthState = 'starting' | 'healthy' | 'unhealthy' | 'none';

/** One host port binding (`hostIp` is `''` for "every address", as the engine writes it). */
export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: string;
}

/** A container as the list call reports it (one call covers every container on the engine). */
export interface ContainerSummary {
  id: string;
  /** Without the engine's leading `/`. */
  name: string;
  labels: Record<string, string>;
  state: ContainerState;
  /** From the list's status text; undefined when the container is not running. */
  health?: HealthState;
  /** Ports it binds now (empty unless running). */
  ports: PublishedPort[];
  /** Engine names of the networks it is on. */
  networks: string[];
  /** Image reference it was created from. */
  image: string;
  imageId: string;
}

/** A container as inspect reports it: what the executor polls and `ps` shows. */
export interface ContainerDetails extends ContainerSummary {
  /** Exit code of the last run (0 while running or never run). */
  exitCode: number;
  /** The engine's error for the last start, if any. */
  error?: string;
  /** Bindings it asks for (HostConfig.PortBindings), also when stopped; port 0 = any. */
  portBindings: PublishedPort[];
  mounts: { type: string; source: string; destination: string; name?: string }[];
}

/** Joining a network: the fields of the Engine API's EndpointSettings that nestc sets. */
export interface NetworkAttachment {
  /** Engine name (or id) of the network. */
  network: string;
  aliases?: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  labels: Record<string, string>;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  labels: Record<string, string>;
}

export interface ImageSummary {
  /** `sha256:...`. */
  id: string;
  /** `repo:tag` as listed (`<none>:<none>` dropped). */
  repoTags: string[];
  repoDigests: string[];
}

/** The engine's version, and the API version nestc talks to it with. */
export interface VersionInfo {
  /** Negotiated: the lower of the engine's and nestc's (or `DOCKER_API_VERSION`). */
  apiVersion: string;
  /** The highest API version the engine offers. */
  engineApiVersion: string;
  /** The lowest API version the engine accepts. */
  minApiVersion: string;
  engineVersion: string;
  os: string;
  arch: string;
}

/**
 * A list filter, as the engine's `filters` parameter takes it: `label` entries are `KEY` (has
 * the label) or `KEY=VALUE`; every entry must match.
 */
export interface ListFilter {
  label?: string[];
}
