import type { PortMapEntry } from '../../resolve/types.js';

/**
 * Label recording the host ports a container's service got from the port map, as
 * `INDEX=PUBLISHED` pairs in index order, comma-separated (`0=30000,3=30003-30005`). The next
 * `up` reads it back as the port each claim got last time (NESTFILE.md rule 5: a service keeps
 * its port), without parsing the engine's view of the bindings.
 */
export const PORTS_LABEL = 'io.nestc.ports';

/** The value of `PORTS_LABEL` for one flat service, or undefined when it publishes nothing. */
export function portsLabel(ports: readonly PortMapEntry[], service: string): string | undefined {
  const mine = ports.filter((p) => p.service === service).sort((a, b) => a.index - b.index);
  if (mine.length === 0) return undefined;
  return mine.map((p) => `${p.index}=${p.published}`).join(',');
}

/** Read a `PORTS_LABEL` value back: entry index → published host port (or range). */
export function parsePortsLabel(value: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!value) return out;
  for (const pair of value.split(',')) {
    const i = pair.indexOf('=');
    if (i <= 0) continue;
    const index = Number(pair.slice(0, i));
    if (Number.isInteger(index) && index >= 0) out.set(index, pair.slice(i + 1));
  }
  return out;
}
