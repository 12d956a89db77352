import type { Diagnostic, SourceLoc } from '../diag/diagnostic.js';
import type { DependsOn } from '../model/compose.js';
import type { PortMapEntry } from '../resolve/types.js';

/**
 * The data of `plan` and `up` (STYLE.md: observe → reconcile → execute). Desired state comes
 * from the flat graph (pure), observed state from one pass over the engine, and the plan is a
 * pure function of the two: plain data that the executor walks without making decisions.
 */

/** Labels nestc puts on every object it creates; it finds its objects by them. */
export const LABELS = {
  project: 'io.nestc.project',
  path: 'io.nestc.path',
  /** Flat service name. */
  service: 'io.nestc.service',
  /** Replica number, from 1. */
  number: 'io.nestc.number',
  /** Hash of what matters in the object's definition (config-hash.ts). */
  configHash: 'io.nestc.config-hash',
  /** Key of a network or volume in the flat file. */
  resource: 'io.nestc.resource',
} as const;

/** A network nestc manages (external ones are only checked to exist). */
export interface DesiredNetwork {
  /** Key in the flat file. */
  key: string;
  /** Engine name. */
  name: string;
  external: boolean;
  /** Engine API `NetworkCreate` body (Name, Driver, Labels, Internal, IPAM, ...). */
  create: Record<string, unknown>;
  configHash: string;
}

export interface DesiredVolume {
  key: string;
  name: string;
  external: boolean;
  /** Engine API `VolumeCreate` body. */
  create: Record<string, unknown>;
  configHash: string;
}

/** One network a container joins, with its options. */
export interface DesiredAttachment {
  /** Engine name of the network. */
  network: string;
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

/** One container of one service replica. */
export interface DesiredContainer {
  /** Flat service name. */
  service: string;
  nestPath: string;
  /** Replica number, from 1. */
  number: number;
  /** Engine container name (`container_name`, else `PROJECT-SERVICE-N` as Compose v2 names). */
  name: string;
  image: string;
  /**
   * Engine API `ContainerCreate` body: Image, Cmd, Entrypoint, Env, Labels (incl. LABELS),
   * ExposedPorts, WorkingDir, User, Healthcheck, HostConfig (Mounts, PortBindings, NetworkMode,
   * RestartPolicy, GroupAdd, ...), NetworkingConfig with at most one network (API < 1.44).
   */
  create: Record<string, unknown>;
  /** Networks joined after create (API < 1.44 takes one network at create). */
  connect: DesiredAttachment[];
  configHash: string;
  /** Flat service name → condition, from `depends_on` (incl. the parent's `x-nest.wait`). */
  dependsOn: Record<string, DependsOn>;
  /** Whether the service declares a healthcheck (so `service_healthy` can be waited for). */
  hasHealthcheck: boolean;
  /** Declaration in the nestfile, for messages. */
  loc?: SourceLoc;
}

/** What the flat graph asks of the engine. */
export interface DesiredState {
  project: string;
  networks: DesiredNetwork[];
  volumes: DesiredVolume[];
  containers: DesiredContainer[];
  ports: PortMapEntry[];
  /** Lowest Engine API version the graph needs (`1.45` for a volume subpath), if any. */
  minApiVersion?: { version: string; why: string; loc?: SourceLoc };
  /** Images the containers need. */
  images: string[];
}

export interface ObservedContainer {
  id: string;
  name: string;
  /** Labels of the container (LABELS.* among them). */
  labels: Record<string, string>;
  state: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  health?: 'starting' | 'healthy' | 'unhealthy' | 'none';
  /** Published ports as the engine reports them. */
  ports: { hostIp: string; hostPort: number; containerPort: number; protocol: string }[];
  /** Engine names of the networks it is on. */
  networks: string[];
  imageId: string;
}

/** One pass over the engine, before planning (observe.ts); planning makes no other calls. */
export interface ObservedState {
  apiVersion: string;
  /** Containers with `io.nestc.project` = this project. */
  containers: ObservedContainer[];
  networks: { id: string; name: string; labels: Record<string, string> }[];
  volumes: { name: string; labels: Record<string, string> }[];
  /** Host ports bound by containers of other projects (or not nestc's). */
  foreignPorts: { hostIp: string; port: number; protocol: string; owner: string }[];
  /** Names of every container on the engine → its project label (undefined: not nestc's). */
  containerNames: Map<string, string | undefined>;
  /** Every network name on the engine (external networks must exist). */
  networkNames: Set<string>;
  volumeNames: Set<string>;
  /** Image references present (repo:tag as listed, and ids). */
  images: Set<string>;
}

export type ResourceKind = 'network' | 'volume' | 'container';

export type Action = 'create' | 'replace' | 'start' | 'remove' | 'unchanged';

/**
 * One plan operation: one object, what happens to it and why, and the operations that must
 * finish first (docker/compose's plan: the executor only walks this graph).
 */
export interface Operation {
  /** `network:NAME`, `volume:NAME`, `container:NAME`. */
  id: string;
  kind: ResourceKind;
  action: Action;
  /** Engine name. */
  name: string;
  /** Nest path (containers), or the flat key (networks, volumes). */
  label: string;
  /** Why (replace: which fields changed, image changed, network missing, dependency replaced). */
  causes: string[];
  /** Ids of operations that must be done first. */
  after: string[];
  /**
   * Ids of operations that need only have released this one (`down`: the containers that
   * depend on this one must be stopped first; their removal may still be running).
   */
  afterReleased?: string[];
  desired?: DesiredNetwork | DesiredVolume | DesiredContainer;
  /** Engine id of the existing object (replace, start, remove, unchanged). */
  existingId?: string;
}

export interface Plan {
  project: string;
  operations: Operation[];
  /** The final port map (what `plan`, `up`, `ps`, `port` show). */
  ports: PortMapEntry[];
  /** Warnings of planning (an orphan without `--remove-orphans`, ...). */
  diagnostics: Diagnostic[];
}

export interface ReconcileOptions {
  removeOrphans: boolean;
}
