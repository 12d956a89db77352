import type {
  ContainerDetails,
  ContainerState,
  ContainerSummary,
  HealthState,
  PublishedPort,
} from './types.js';

/** The parts of the Engine API's container list entry that nestc reads. */
export interface ApiContainerListEntry {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  Labels?: Record<string, string> | null;
  State?: string;
  Status?: string;
  Ports?: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] | null;
  NetworkSettings?: { Networks?: Record<string, unknown> | null } | null;
}

type ApiPortMap = Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;

/** The parts of the Engine API's container inspect answer that nestc reads. */
export interface ApiContainerInspect {
  Id: string;
  Name: string;
  Image: string;
  Config?: { Image?: string; Labels?: Record<string, string> | null } | null;
  State?: {
    Status?: string;
    ExitCode?: number;
    Error?: string;
    Health?: { Status?: string } | null;
  } | null;
  HostConfig?: { PortBindings?: ApiPortMap } | null;
  NetworkSettings?: { Ports?: ApiPortMap; Networks?: Record<string, unknown> | null } | null;
  Mounts?: { Type?: string; Source?: string; Destination?: string; Name?: string }[] | null;
}

/**
 * One list entry → ContainerSummary. Health comes from the status text ("Up 3 seconds
 * (healthy)"), so observing a project costs one list call and no inspect per container.
 */
export function summaryFromList(c: ApiContainerListEntry): ContainerSummary {
  const state = toState(c.State);
  const health = state === 'running' ? healthFromStatus(c.Status ?? '') : undefined;
  const ports: PublishedPort[] = [];
  for (const p of c.Ports ?? []) {
    if (!p.PublicPort) continue;
    ports.push({
      hostIp: p.IP ?? '',
      hostPort: p.PublicPort,
      containerPort: p.PrivatePort,
      protocol: p.Type,
    });
  }
  return {
    id: c.Id,
    name: primaryName(c.Names ?? []),
    labels: { ...(c.Labels ?? {}) },
    state,
    ...(health ? { health } : {}),
    ports: sortPorts(ports),
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}).sort(),
    image: c.Image ?? '',
    imageId: c.ImageID ?? '',
  };
}

/** Inspect answer → ContainerDetails. */
export function detailsFromInspect(i: ApiContainerInspect): ContainerDetails {
  const state = toState(i.State?.Status);
  const healthStatus = i.State?.Health?.Status;
  const health: HealthState | undefined =
    state !== 'running'
      ? undefined
      : healthStatus === 'starting' || healthStatus === 'healthy' || healthStatus === 'unhealthy'
        ? healthStatus
        : 'none';
  return {
    id: i.Id,
    name: i.Name.replace(/^\//, ''),
    labels: { ...(i.Config?.Labels ?? {}) },
    state,
    ...(health ? { health } : {}),
    ports: state === 'running' ? portsFromMap(i.NetworkSettings?.Ports ?? null) : [],
    networks: Object.keys(i.NetworkSettings?.Networks ?? {}).sort(),
    image: i.Config?.Image ?? '',
    imageId: i.Image,
    exitCode: i.State?.ExitCode ?? 0,
    ...(i.State?.Error ? { error: i.State.Error } : {}),
    portBindings: portsFromMap(i.HostConfig?.PortBindings ?? null),
    mounts: (i.Mounts ?? []).map((m) => ({
      type: m.Type ?? '',
      source: m.Source ?? '',
      destination: m.Destination ?? '',
      ...(m.Name ? { name: m.Name } : {}),
    })),
  };
}

/** "(healthy)", "(unhealthy)", "(health: starting)" in a running container's status. */
export function healthFromStatus(status: string): HealthState {
  if (status.includes('(healthy)')) return 'healthy';
  if (status.includes('(unhealthy)')) return 'unhealthy';
  if (status.includes('(health: starting)')) return 'starting';
  return 'none';
}

const STATES = new Set([
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
]);

function toState(s: string | undefined): ContainerState {
  return STATES.has(s ?? '') ? (s as ContainerState) : 'dead';
}

/** `/web-1`; entries like `/other/alias` come from legacy links and are not the name. */
function primaryName(names: string[]): string {
  const own = names.find((n) => n.lastIndexOf('/') === 0) ?? names[0] ?? '';
  return own.replace(/^\//, '');
}

/** `{"80/tcp": [{HostIp, HostPort}]}` → bindings; an empty HostPort is port 0 ("any"). */
function portsFromMap(map: ApiPortMap): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(map ?? {})) {
    const [port = '0', protocol = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      out.push({
        hostIp: b.HostIp ?? '',
        hostPort: Number.parseInt(b.HostPort ?? '', 10) || 0,
        containerPort: Number.parseInt(port, 10),
        protocol,
      });
    }
  }
  return sortPorts(out);
}

/** Stable order: host port, protocol, host address, container port. */
export function sortPorts(ports: PublishedPort[]): PublishedPort[] {
  return ports.sort(
    (a, b) =>
      a.hostPort - b.hostPort ||
      cmp(a.protocol, b.protocol) ||
      cmp(a.hostIp, b.hostIp) ||
      a.containerPort - b.containerPort,
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
