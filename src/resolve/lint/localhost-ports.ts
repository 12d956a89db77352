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
  for (const node of [...nodes.values()].sort((a, b) => cmp(a.nestPath, b.nestPath))) {
    const env = node.service.environment;
    if (!env || node.service.network_mode === 'host') continue;
    for (const key of Object.keys(env).sort(cmp)) {
      const value = env[key];
      if (typeof value !== 'string') continue;
      for (const ref of findHostPortRefs(value)) {
        const entry = ports.find((e) => e.nestPath !== node.nestPath && publishes(e, ref.port));
        const publisher = entry && nodes.get(entry.nestPath);
        if (!entry || !publisher) continue;
        warn(node, key, ref, entry, publisher, ctx);
      }
    }
  }
}

/** Whether `entry` holds host port `port`, as written or as assigned. */
function publishes(entry: PortMapEntry, port: number): boolean {
  return [entry.written, entry.published].some((p) => {
    const s = parseSpan(p);
    return s !== undefined && s.start <= port && port <= s.end;
  });
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
