import type { PsRow } from '../apply/ps/ps-rows.js';
import { hostAddress } from '../apply/ps/port-lookup.js';
import type { PublishedPort } from '../engine/types.js';

const HEADER = ['NAME', 'SERVICE', 'NEST PATH', 'STATE', 'HEALTH', 'PORTS'];

/**
 * `nestc ps`: one row per container of the project, as `docker compose ps` lays them out, with
 * the nest path beside the flat service name. Columns are padded to their widest cell; the
 * last is not, so lines carry no trailing spaces. The header is printed even when there is no
 * container, so scripts can count rows the same way every time.
 *
 *   NAME           SERVICE   NEST PATH  STATE    HEALTH   PORTS
 *   ci-agent-db-1  agent-db  agent/db   running  healthy  127.0.0.1:20000->5432/tcp
 */
export function psText(rows: readonly PsRow[]): string {
  const cells = [
    HEADER,
    ...rows.map((r) => [
      r.name,
      r.service,
      r.nestPath,
      r.state,
      r.health && r.health !== 'none' ? r.health : '-',
      r.ports.map(portText).join(', '),
    ]),
  ];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `127.0.0.1:20000->5432/tcp`, as `docker ps` writes a published port. */
export function portText(p: PublishedPort): string {
  return `${hostAddress(p)}->${p.containerPort}/${p.protocol}`;
}

/**
 * `nestc port SERVICE` (no port): every mapping of the container, one per line, as
 * `docker port` prints them: `5432/tcp -> 127.0.0.1:20000`.
 */
export function portMappingsText(row: PsRow): string {
  return row.ports.map((p) => `${p.containerPort}/${p.protocol} -> ${hostAddress(p)}\n`).join('');
}

/**
 * The port map at the end of `up`: what each container publishes now, from the engine (an
 * ephemeral port shows the port the engine picked).
 */
export function upPortsText(rows: readonly PsRow[]): string {
  const published = rows.filter((r) => r.ports.length > 0);
  if (published.length === 0) return 'Ports: none published\n';
  const width = Math.max(...published.map((r) => r.nestPath.length));
  const lines = published.flatMap((r) =>
    r.ports.map(
      (p) =>
        `  ${(r.number > 1 ? `${r.nestPath}#${r.number}` : r.nestPath).padEnd(width)}  ${p.containerPort}/${p.protocol} -> ${hostAddress(p)}`,
    ),
  );
  return `Ports (nest path: container port -> host address):\n${lines.join('\n')}\n`;
}
