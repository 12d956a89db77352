import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import type { SourceStore } from '../diag/source-store.js';
import type { FileObject, Network, Project, Service, Volume } from '../model/compose.js';

/**
 * The data the resolver stages share. The resolver is a pipeline of small stages over one tree
 * of scopes (NESTFILE.md, "Resolution rules"); each stage reads and rewrites the nodes in place,
 * so every value keeps the source position the loader recorded for it (`model/locations`).
 */

/** `x-nest.wait`: when the parent starts relative to its children. */
export type WaitMode = 'started' | 'healthy' | 'none';

/** The options of one `x-nest` block, as written (paths in the parent's view). */
export interface NestOptions {
  socket: 'none' | 'host';
  wait: WaitMode;
  /** `x-nest.file`, as written (parent's view). */
  file?: string;
  /** `x-nest.working_dir`, as written (parent's view). */
  workingDir?: string;
  /** The `x-nest` key of the parent service. */
  loc?: SourceLoc;
}

/**
 * One service of the nested topology. `service` is normalized (long syntax, defaults, env
 * files folded) and, until the paths stage runs, its paths are absolute in its parent's view
 * (root services: in nestc's own view). After the paths stage they are host paths.
 */
export interface NestNode {
  /** Nest path segments: `['agent', 'db']`. */
  readonly segments: readonly string[];
  /** `agent/db`; the key of everything per service (claims, labels, port memory). */
  readonly nestPath: string;
  /** The inner service name: the last segment, and its DNS alias in its scope. */
  readonly name: string;
  /** 0 for services of the root file, 1 for the services a root service starts, … */
  readonly depth: number;
  /** The scope this service is declared in. */
  readonly scope: Scope;
  /** The service, rewritten in place by the stages. */
  service: Service;
  /** Position of the service's key (its declaration). */
  readonly loc?: SourceLoc;
  /** The service's `x-nest` options, when it has one (read before its scope is loaded). */
  readonly nest?: NestOptions;
  /** The scope this service opens with `x-nest`, once loaded (after its own paths). */
  child?: Scope;
  /** Flat service name, set by the names stage. */
  flatName: string;
}

/** The resources an inner project declares, keyed by their inner names. */
export interface ScopeResources {
  networks: Record<string, Network>;
  volumes: Record<string, Volume>;
  configs: Record<string, FileObject>;
  secrets: Record<string, FileObject>;
}

export type ResourceKind = keyof ScopeResources;

/**
 * A scope: the root project, or the inner project of one `x-nest`. Its resources are keyed by
 * inner name; `keys` gives each one's key in the flat file (set by the names stage; the root
 * scope maps every name to itself).
 */
export interface Scope extends ScopeResources {
  /** Nest path of the parent service; `''` for the root scope. */
  readonly path: string;
  /** Depth of the services of this scope (root 0). */
  readonly depth: number;
  /** The service that opens this scope; absent for the root. */
  readonly parent?: NestNode;
  /** Services of the scope, by inner name, in name order. */
  readonly nodes: Map<string, NestNode>;
  /** The `x-nest` options; absent for the root. */
  readonly nest?: NestOptions;
  /**
   * Directory, in the parent's view, that the inner project's relative paths resolved against;
   * absent when none could be known (a relative inner path is then an error), and for the root
   * (whose paths the loader already made absolute).
   */
  readonly workingDir?: string;
  /** Flat key of each resource, by kind and inner name (names stage). */
  keys: Record<ResourceKind, Map<string, string>>;
}

/** A `--path-map` entry: nestc's own view of a directory, and what it is on the host. */
export interface PathMapEntry {
  /** Absolute path inside nestc's container. */
  container: string;
  /** Host side: a host path, or a named volume (with an optional path below its root). */
  host: { kind: 'path'; path: string } | { kind: 'volume'; name: string; subpath?: string };
}

export interface ResolveOptions {
  /** Allocation range for ports that move; default 20000–29999. */
  portRange?: { from: number; to: number };
  /** Every port conflict is an error instead of a move. */
  strictPorts?: boolean;
  /** `--path-map`, when nestc runs in a container. */
  pathMap?: PathMapEntry[];
  /** `DOCKER_HOST` as nestc sees it; decides what `socket: host` mounts or passes. */
  dockerHost?: string;
  /** Group id owning the engine socket, when known; added to `group_add` with `socket: host`. */
  socketGid?: number;
  /**
   * Host port each claim got last time (read back from the engine at `up`), by claim key
   * `NEST_PATH#ENTRY_INDEX`; a moved claim prefers it.
   */
  previousPorts?: ReadonlyMap<string, string>;
  /**
   * Host ports bound by containers that are not this project's (read from the engine at `up`):
   * they count as taken. A nested claim moves off them; a root claim on one is an error.
   */
  foreignPorts?: readonly { hostIp: string; port: number; protocol: string; owner: string }[];
}

/** What every resolver stage gets: where diagnostics go, the options, the project name. */
export interface ResolveContext {
  readonly diags: Diagnostics;
  readonly sources: SourceStore;
  readonly options: ResolveOptions;
  /** The root project's name: engine names of scoped resources start with it. */
  readonly projectName: string;
  /** Read a file in nestc's own view (recorded for code frames; reports failures at `from`). */
  readText(path: string, from?: SourceLoc): string | undefined;
}

/** One published host port after allocation: part of every output. */
export interface PortMapEntry {
  nestPath: string;
  /** Flat service name. */
  service: string;
  /** Index of the entry in the service's canonical `ports` list. */
  index: number;
  protocol: string;
  /** Host address as written (`''` when none). */
  hostIp: string;
  /** Container port (first of a range). */
  target: number;
  /** Host port or range as written. */
  written: string;
  /** Host port or range it got. */
  published: string;
  /** Why it moved, when it did (`conflict with agent/db ports[0]`). */
  reason?: string;
  loc?: SourceLoc;
}

/** Where one flat service came from, for the header comment, JSON output and the graph. */
export interface FlatServiceInfo {
  flatName: string;
  nestPath: string;
  depth: number;
  /** Nest path of its scope's parent (`''` at the root). */
  scope: string;
  loc?: SourceLoc;
}

/** The result of the resolver: one plain Compose project, and how it maps to the nestfile. */
export interface FlatGraph {
  /** A plain Compose project: no `x-nest`, host paths, flat names. */
  project: Project;
  /** One entry per flat service, in flat-name order. */
  services: FlatServiceInfo[];
  /** Every published port, in claim order. */
  ports: PortMapEntry[];
  /** Scopes, in (depth, path) order; for the graph view. */
  scopes: {
    path: string;
    depth: number;
    parent?: string;
    services: string[];
    networks: string[];
  }[];
}

/**
 * Every node of the tree under `scope`, parents before children, each level in name order. An
 * array, not a generator: a dozen stages walk 10,000 nodes, and each step of nested generators
 * made garbage at every level.
 */
export function walkNodes(scope: Scope, out: NestNode[] = []): NestNode[] {
  for (const node of scope.nodes.values()) {
    out.push(node);
    if (node.child) walkNodes(node.child, out);
  }
  return out;
}

/** Every scope under (and including) `scope`, parents first. */
export function walkScopes(scope: Scope, out: Scope[] = []): Scope[] {
  out.push(scope);
  for (const node of scope.nodes.values()) if (node.child) walkScopes(node.child, out);
  return out;
}
