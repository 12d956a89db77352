import { getLoc } from '../../model/locations.js';
import { parseSpan } from '../ports/port-span.js';
import type { NestNode, PortMapEntry, ResolveContext, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { findHostPortRefs, type HostPortRef } from './host-refs.js';
import { reachName } from './reach-name.js';

/**
 * Rule 7: an environment value that reaches another service through `localhost` (or the host)
 * and the port that service publishes. Between siblings that never works (localhost is the
 * container itself), and if nestc moved the port it breaks twice. A service with
 * `network_mode: host` shares the host's network, where it does work.
 */
export function lintLocalhostPorts(
  root: Scope,
  ports: readonly PortMapEntry[],
  ctx: ResolveContext,
): void {
  const nodes = new Map<string, NestNode>();
  for (const node of walkNodes(root)) nodes.set(node.nestPath, node);
  let byPort: Map<number, PortMapEntry[]> | undefined;
  for (const node of [...nodes.values()].sort((a, b) => cmp(a.nestPath, b.nestPath))) {
    const env = node.service.environment;
    if (!env || node.service.network_mode === 'host') continue;
    // Most values reach nothing: keys are sorted (for the order of warnings) only when some do.
    const found: [string, HostPortRef[]][] = [];
    for (const key of Object.keys(env)) {
      const value = env[key];
      if (typeof value !== 'string') continue;
      const refs = findHostPortRefs(value);
      if (refs.length > 0) found.push([key, refs]);
    }
    if (found.length === 0) continue;
    byPort ??= portIndex(ports);
    for (const [key, refs] of found.sort((a, b) => cmp(a[0], b[0]))) {
      for (const ref of refs) {
        const entry = byPort.get(ref.port)?.find((e) => e.nestPath !== node.nestPath);
        const publisher = entry && nodes.get(entry.nestPath);
        if (!entry || !publisher) continue;
        warn(node, key, ref, entry, publisher, ctx);
      }
    }
  }
}

/**
 * The entries that hold each host port, as written or as assigned, in the order of `ports`:
 * a lookup per reference, where searching every entry for each made a graph of many services
 * that all name `localhost:PORT` quadratic.
 */
function portIndex(ports: readonly PortMapEntry[]): Map<number, PortMapEntry[]> {
  const out = new Map<number, PortMapEntry[]>();
  for (const entry of ports) {
    for (const p of [entry.written, entry.published]) {
      const span = parseSpan(p);
      if (!span) continue;
      for (let port = span.start; port <= span.end; port++) {
        const list = out.get(port);
        if (!list) out.set(port, [entry]);
        else if (list[list.length - 1] !== entry) list.push(entry);
      }
    }
  }
  return out;
}

function warn(
  node: NestNode,
  key: string,
  ref: HostPortRef,
  entry: PortMapEntry,
  publisher: NestNode,
  ctx: ResolveContext,
): void {
  const env = node.service.environment as Record<string, string | null>;
  const held =
    entry.published !== entry.written
      ? `it publishes ${entry.written} on the host, moved to ${entry.published}`
      : `it publishes ${entry.published} on the host`;
  const reach = reachName(node, publisher);
  const use = `${reach.name}:${entry.target}`;
  ctx.diags.warn(
    'nest-localhost-port',
    `services.${node.nestPath}.environment.${key}: ${ref.text} does not reach ${entry.nestPath} (${held})`,
    getLoc(env, key),
    {
      detail:
        'Inside a container, localhost is the container itself, and a host address reaches a published port only as far as the engine and the host firewall allow; siblings reach each other by DNS name and container port on a shared network.',
      hint: reach.shared
        ? `use ${use}`
        : `use ${use}, after putting ${node.nestPath} and ${entry.nestPath} on a shared network`,
      related: [
        {
          message: `${entry.nestPath} publishes it here`,
          ...(entry.loc ? { loc: entry.loc } : {}),
        },
      ],
    },
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
