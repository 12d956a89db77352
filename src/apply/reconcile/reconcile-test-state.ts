import type { DependsOn } from '../../model/compose.js';
import type { PortMapEntry } from '../../resolve/types.js';
import {
  LABELS,
  type DesiredContainer,
  type DesiredNetwork,
  type DesiredState,
  type DesiredVolume,
  type ObservedContainer,
  type ObservedState,
} from '../types.js';

/**
 * A small builder of desired and observed states for reconcile's tests: a desired state is
 * written as a few services, and `applied(desired)` is what the engine shows after an `up` of
 * it. A test then changes one thing on either side and asserts the plan's text.
 */

export interface TestService {
  /** Flat service name. */
  name: string;
  /** Nest path (defaults to the name). */
  path?: string;
  image?: string;
  /** Network keys (default: `default`). */
  networks?: string[];
  /** Volume keys. */
  volumes?: string[];
  dependsOn?: Record<string, Partial<DependsOn>>;
  /** Host port → container port (tcp). */
  ports?: Record<number, number>;
  labels?: Record<string, string>;
  replicas?: number;
  containerName?: string;
  /** Stands for the whole definition: change it to change the config hash. */
  hash?: string;
}

export interface TestDesired {
  project?: string;
  networks?: (string | { key: string; external?: boolean; name?: string; hash?: string })[];
  volumes?: (string | { key: string; external?: boolean; name?: string; hash?: string })[];
  services: TestService[];
  ports?: PortMapEntry[];
  minApiVersion?: DesiredState['minApiVersion'];
}

export const TEST_IMAGE = 'nestc-test/busybox:1';

export function desiredState(t: TestDesired): DesiredState {
  const project = t.project ?? 'ci';
  const networks: DesiredNetwork[] = (t.networks ?? ['default']).map((n) => {
    const r = typeof n === 'string' ? { key: n } : n;
    const name = r.name ?? `${project}_${r.key}`;
    return {
      key: r.key,
      name,
      external: r.external ?? false,
      create: { Name: name, Labels: { [LABELS.project]: project } },
      configHash: r.hash ?? `net-${r.key}`,
    };
  });
  const volumes: DesiredVolume[] = (t.volumes ?? []).map((v) => {
    const r = typeof v === 'string' ? { key: v } : v;
    const name = r.name ?? `${project}_${r.key}`;
    return {
      key: r.key,
      name,
      external: r.external ?? false,
      create: { Name: name },
      configHash: r.hash ?? `vol-${r.key}`,
    };
  });
  const netName = (key: string): string => networks.find((n) => n.key === key)?.name ?? key;
  const volName = (key: string): string => volumes.find((v) => v.key === key)?.name ?? key;
  const containers: DesiredContainer[] = [];
  for (const s of t.services) {
    for (let number = 1; number <= (s.replicas ?? 1); number++) {
      const name = s.containerName ?? `${project}-${s.name}-${number}`;
      const path = s.path ?? s.name;
      const nets = (s.networks ?? ['default']).map(netName);
      const hash = s.hash ?? `svc-${s.name}`;
      const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
      for (const [host, target] of Object.entries(s.ports ?? {})) {
        portBindings[`${target}/tcp`] = [{ HostIp: '', HostPort: host }];
      }
      containers.push({
        service: s.name,
        nestPath: path,
        number,
        name,
        image: s.image ?? TEST_IMAGE,
        create: {
          Image: s.image ?? TEST_IMAGE,
          Labels: {
            ...s.labels,
            [LABELS.project]: project,
            [LABELS.path]: path,
            [LABELS.service]: s.name,
            [LABELS.number]: String(number),
            [LABELS.configHash]: hash,
          },
          HostConfig: {
            Mounts: (s.volumes ?? []).map((v) => ({
              Type: 'volume',
              Source: volName(v),
              Target: `/${v}`,
            })),
            PortBindings: portBindings,
            NetworkMode: nets[0] ?? 'none',
          },
          NetworkingConfig: nets[0]
            ? { EndpointsConfig: { [nets[0]]: { Aliases: [s.name] } } }
            : {},
        },
        connect: nets.slice(1).map((network) => ({ network, aliases: [s.name] })),
        configHash: hash,
        dependsOn: Object.fromEntries(
          Object.entries(s.dependsOn ?? {}).map(([k, v]) => [
            k,
            { condition: 'service_started', required: true, ...v } satisfies DependsOn,
          ]),
        ),
        hasHealthcheck: false,
        loc: { file: '/srv/ci/compose.yaml', line: 10 + containers.length, col: 3 },
      });
    }
  }
  return {
    project,
    networks,
    volumes,
    containers,
    ports: t.ports ?? [],
    ...(t.minApiVersion ? { minApiVersion: t.minApiVersion } : {}),
    images: [...new Set(containers.map((c) => c.image))],
  };
}

/** An engine with nothing of the project on it, and the test image present. */
export function emptyEngine(images: string[] = [TEST_IMAGE]): ObservedState {
  return {
    apiVersion: '1.41',
    containers: [],
    networks: [],
    volumes: [],
    foreignPorts: [],
    containerNames: new Map(),
    networkNames: new Set(),
    volumeNames: new Set(['unrelated-volume']),
    images: new Set([...images, 'sha256:' + 'a'.repeat(64)]),
  };
}

/** What the engine shows once `desired` is applied: every object present, containers running. */
export function applied(desired: DesiredState, base: ObservedState = emptyEngine()): ObservedState {
  const observed: ObservedState = {
    ...base,
    containers: [...base.containers],
    networks: [...base.networks],
    volumes: [...base.volumes],
    containerNames: new Map(base.containerNames),
    networkNames: new Set(base.networkNames),
    volumeNames: new Set(base.volumeNames),
  };
  for (const n of desired.networks) {
    observed.networkNames.add(n.name);
    if (n.external) continue;
    observed.networks.push({
      id: `net-id-${n.name}`,
      name: n.name,
      labels: { [LABELS.project]: desired.project, [LABELS.configHash]: n.configHash },
    });
  }
  for (const v of desired.volumes) {
    observed.volumeNames.add(v.name);
    if (v.external) continue;
    observed.volumes.push({
      name: v.name,
      labels: { [LABELS.project]: desired.project, [LABELS.configHash]: v.configHash },
    });
  }
  for (const c of desired.containers) {
    const labels = (c.create['Labels'] ?? {}) as Record<string, string>;
    const bindings = ((c.create['HostConfig'] as Record<string, unknown>)['PortBindings'] ??
      {}) as Record<string, { HostPort: string }[]>;
    observed.containerNames.set(c.name, desired.project);
    observed.containers.push({
      id: `ctr-id-${c.name}`,
      name: c.name,
      labels: { ...labels },
      state: 'running',
      ports: Object.entries(bindings).flatMap(([key, list]) =>
        list.map((b) => ({
          hostIp: '0.0.0.0',
          hostPort: Number(b.HostPort),
          containerPort: Number(key.split('/')[0]),
          protocol: key.split('/')[1] ?? 'tcp',
        })),
      ),
      networks: [...containerNetworkNames(c)],
      imageId: 'sha256:' + 'a'.repeat(64),
    });
  }
  return observed;
}

/** The project's container of that name in an observed state (a test changes it in place). */
export function observedContainer(observed: ObservedState, name: string): ObservedContainer {
  const c = observed.containers.find((x) => x.name === name);
  if (!c) throw new Error(`test: no observed container ${name}`);
  return c;
}

/** A container of the project as an earlier `up` left it, for orphans. */
export function leftover(
  observed: ObservedState,
  project: string,
  service: string,
  opts: { path?: string; number?: number; ports?: ObservedContainer['ports'] } = {},
): void {
  const number = opts.number ?? 1;
  const name = `${project}-${service}-${number}`;
  observed.containerNames.set(name, project);
  observed.containers.push({
    id: `ctr-id-${name}`,
    name,
    labels: {
      [LABELS.project]: project,
      [LABELS.path]: opts.path ?? service,
      [LABELS.service]: service,
      [LABELS.number]: String(number),
      [LABELS.configHash]: `svc-${service}`,
    },
    state: 'running',
    ports: opts.ports ?? [],
    networks: [`${project}_default`],
    imageId: 'sha256:' + 'a'.repeat(64),
  });
}

function containerNetworkNames(c: DesiredContainer): string[] {
  const endpoints = ((c.create['NetworkingConfig'] as Record<string, unknown>)['EndpointsConfig'] ??
    {}) as Record<string, unknown>;
  return [...Object.keys(endpoints), ...c.connect.map((a) => a.network)];
}
