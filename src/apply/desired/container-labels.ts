import type { Service } from '../../model/compose.js';
import { LABELS } from '../types.js';
import type { DesiredContext } from './context.js';
import { PORTS_LABEL, portsLabel } from './ports-label.js';

/**
 * The labels of one replica: the user's (which already hold `io.nestc.project` and
 * `io.nestc.path` from the resolver), the caller's extra labels, then nestc's own, which win:
 * project, nest path, flat service, replica number and the port map of the service. The config
 * hash is added last, by whoever computes it over the rest.
 */
export function containerLabels(
  ctx: DesiredContext,
  name: string,
  s: Service,
  n: number,
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.labels ?? {})) labels[k] = String(v ?? '');
  Object.assign(labels, ctx.extraLabels);
  labels[LABELS.project] = ctx.project.name;
  labels[LABELS.path] = ctx.nestPath(name);
  labels[LABELS.service] = name;
  labels[LABELS.number] = String(n);
  const ports = portsLabel(ctx.graph.ports, name);
  if (ports !== undefined) labels[PORTS_LABEL] = ports;
  return labels;
}
