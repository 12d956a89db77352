import type { DesiredContainer } from '../types.js';

/**
 * What a desired container needs from other objects, read from its Engine API create body:
 * the networks it joins, the named volumes it mounts and the host ports it binds. Reconcile
 * orders operations and explains replacements with these; it never looks at anything else of
 * the body (the config hash covers the rest).
 */

/** Engine names of the networks it joins: at create (`NetworkingConfig`) and after (`connect`). */
export function containerNetworks(c: DesiredContainer): string[] {
  const names = new Set<string>();
  const endpoints = record(record(c.create['NetworkingConfig'])['EndpointsConfig']);
  for (const name of Object.keys(endpoints)) names.add(name);
  for (const a of c.connect) names.add(a.network);
  return [...names].sort();
}

/** Engine names of the named volumes it mounts (`HostConfig.Mounts` and `HostConfig.Binds`). */
export function containerVolumes(c: DesiredContainer): string[] {
  const hostConfig = record(c.create['HostConfig']);
  const names = new Set<string>();
  for (const m of array(hostConfig['Mounts'])) {
    const mount = record(m);
    if (mount['Type'] === 'volume' && typeof mount['Source'] === 'string' && mount['Source']) {
      names.add(mount['Source']);
    }
  }
  for (const b of array(hostConfig['Binds'])) {
    if (typeof b !== 'string') continue;
    const source = b.split(':')[0] ?? '';
    if (source !== '' && !source.startsWith('/')) names.add(source);
  }
  return [...names].sort();
}

/** One port binding: host port (undefined when the engine picks one), container port, protocol. */
export interface HostPortBinding {
  hostPort?: number;
  containerPort: number;
  protocol: string;
}

/** Its `HostConfig.PortBindings`, flattened; a host range or an empty host port has no hostPort. */
export function containerPortBindings(c: DesiredContainer): HostPortBinding[] {
  const bindings = record(record(c.create['HostConfig'])['PortBindings']);
  const out: HostPortBinding[] = [];
  for (const [key, list] of Object.entries(bindings)) {
    const [port = '', protocol = 'tcp'] = key.split('/');
    const containerPort = Number.parseInt(port, 10);
    for (const b of array(list)) {
      const hostPort = String(record(b)['HostPort'] ?? '');
      out.push({
        containerPort,
        protocol,
        ...(/^\d+$/.test(hostPort) ? { hostPort: Number(hostPort) } : {}),
      });
    }
  }
  return out;
}

/** Its labels as written in the create body. */
export function containerLabels(c: DesiredContainer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(c.create['Labels']))) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

function array(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
