/**
 * The canonical Compose model: what the loader returns after normalization, in the long syntax
 * of the compose-spec. Field names follow the spec exactly (snake_case) so that the model can be
 * printed as a Compose file without a mapping table. Positions of every value are kept beside
 * it (`model/locations`); a value nestc defaulted has none.
 *
 * Only what later stages rely on is typed precisely; every other key of the spec passes through
 * unchanged under the index signatures.
 */

export interface Project {
  name: string;
  services: Record<string, Service>;
  networks?: Record<string, Network>;
  volumes?: Record<string, Volume>;
  configs?: Record<string, FileObject>;
  secrets?: Record<string, FileObject>;
  [extension: `x-${string}`]: unknown;
}

export interface Service {
  image?: string;
  build?: Build;
  command?: string[] | null;
  entrypoint?: string[] | null;
  /** `null` value: taken from the environment at run time (Compose's "unset" entry). */
  environment?: Record<string, string | null>;
  env_file?: EnvFileRef[];
  ports?: PortConfig[];
  /** Strings, as compose-go types them (`80`, `"3000-3005"`). */
  expose?: string[];
  /** Host name → addresses (compose-go's `HostsList`); the list form `host=ip` is canonicalized. */
  extra_hosts?: Record<string, string[]>;
  volumes?: ServiceVolume[];
  /** `null` value: joined with no per-network options. */
  networks?: Record<string, ServiceNetwork | null>;
  network_mode?: string;
  depends_on?: Record<string, DependsOn>;
  healthcheck?: Healthcheck;
  labels?: Record<string, string>;
  profiles?: string[];
  container_name?: string;
  working_dir?: string;
  read_only?: boolean;
  scale?: number;
  deploy?: { replicas?: number; [k: string]: unknown };
  configs?: ServiceFileRef[];
  secrets?: ServiceFileRef[];
  extends?: { service: string; file?: string };
  'x-nest'?: unknown;
  [key: string]: unknown;
}

export interface Build {
  context: string;
  dockerfile?: string;
  args?: Record<string, string | null>;
  [key: string]: unknown;
}

export interface EnvFileRef {
  path: string;
  required: boolean;
  format?: string;
}

/**
 * One published or exposed port. As in compose-go, a target range is expanded into one entry
 * per port; `published` stays a string because it may be a host range (`"9000-9010"`).
 */
export interface PortConfig {
  name?: string;
  mode?: 'ingress' | 'host';
  host_ip?: string;
  target: number;
  published?: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  app_protocol?: string;
}

export type VolumeType = 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'cluster' | 'image';

export interface ServiceVolume {
  type: VolumeType;
  /** Bind: absolute host path (after normalization). Volume: the volume key. */
  source?: string;
  target: string;
  /** Present only when written (`:ro`/`:rw`, or `read_only:`): "not written" differs from `false`. */
  read_only?: boolean;
  consistency?: string;
  bind?: { propagation?: string; create_host_path?: boolean; selinux?: 'z' | 'Z' };
  volume?: { nocopy?: boolean; subpath?: string };
  tmpfs?: { size?: number | string; mode?: number };
  image?: { subpath?: string };
}

export interface ServiceNetwork {
  aliases?: string[];
  ipv4_address?: string;
  ipv6_address?: string;
  priority?: number;
  [key: string]: unknown;
}

export interface DependsOn {
  condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
  restart?: boolean;
  required?: boolean;
}

export interface Healthcheck {
  test?: string[];
  interval?: string;
  timeout?: string;
  start_period?: string;
  start_interval?: string;
  retries?: number;
  disable?: boolean;
}

export interface ServiceFileRef {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface Network {
  name?: string;
  driver?: string;
  external?: boolean;
  internal?: boolean;
  [key: string]: unknown;
}

export interface Volume {
  name?: string;
  driver?: string;
  external?: boolean;
  [key: string]: unknown;
}

export interface FileObject {
  name?: string;
  file?: string;
  environment?: string;
  content?: string;
  external?: boolean;
  [key: string]: unknown;
}

/** A Compose file as read, after interpolation and validation but before normalization. */
export type RawModel = Record<string, unknown>;
