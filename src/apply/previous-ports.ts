import { parsePortsLabel, PORTS_LABEL } from './desired/ports-label.js';
import { LABELS, type ObservedState } from './types.js';

/**
 * The host port each claim got last time, read back from the project's containers (rule 5: a
 * moved claim keeps its port across runs, so `up` after `up` changes nothing). Keyed as the
 * resolver asks: `NEST_PATH#ENTRY_INDEX`; replica 1 speaks for its service.
 */
export function previousPorts(observed: ObservedState): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of observed.containers) {
    const path = c.labels[LABELS.path];
    const number = c.labels[LABELS.number] ?? '1';
    if (path === undefined || number !== '1') continue;
    for (const [index, published] of parsePortsLabel(c.labels[PORTS_LABEL]))
      out.set(`${path}#${index}`, published);
  }
  return out;
}
