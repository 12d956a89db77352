import { displayPath } from '../diag/render.js';
import type { SourceLoc } from '../diag/diagnostic.js';
import type { FlatGraph, PortMapEntry } from '../resolve/types.js';
import type { ConfigDialect } from './config.js';

export interface HeaderOptions {
  /** Paths are shown relative to this directory when they lie below it. */
  cwd: string;
  /** The nestfiles the project was read from. */
  files: readonly string[];
  dialect?: ConfigDialect;
}

/**
 * The comment block at the top of a compiled file: where each flat service came from and where
 * each published port went. A flat file is read by people who wrote the nestfile, so it says,
 * for every service, which declaration (`file:line`) to change, and for every port that moved,
 * why. Paths are relative to `cwd` (the directory nestc ran in), so the same checkout compiles
 * to the same bytes wherever it lives. Every line starts with `#`: Compose ignores it.
 *
 *   # agent-db <- agent/db (compose.yaml:21)
 *   # agent/db ports[0]: 127.0.0.1:5432 -> 5432/tcp
 *   # web ports[0]: 8080 -> 20000/tcp (moved: conflict with agent/db ports[0])
 */
export function renderHeader(graph: FlatGraph, opts: HeaderOptions): string {
  const lines: string[] = [];
  const files = opts.files.map((f) => displayPath(f, opts.cwd)).join(', ');
  lines.push(
    `Compiled by nestc from ${files || 'a nestfile'}; do not edit: change the nestfile and compile again.`,
  );
  lines.push('A plain Compose file: x-nest resolved, host paths, flat names.');
  if (opts.dialect === 'compose-v1') {
    lines.push(
      `For docker-compose 1.29, which reads no top-level name: run it with -p ${graph.project.name}`,
    );
  }
  lines.push('');
  lines.push('Services (flat name, nest path, declared at):');
  // Thousands of services come from a few files: each file's display path is made once.
  const shown = new Map<string, string>();
  for (const s of graph.services) {
    lines.push(`${s.flatName} <- ${s.nestPath}${where(s.loc, opts.cwd, shown)}`);
  }
  lines.push('');
  if (graph.ports.length === 0) {
    lines.push('Ports: none published');
  } else {
    lines.push('Ports (nest path and entry: host port as written, host port it got, protocol):');
    for (const p of graph.ports) lines.push(portLine(p));
  }
  return lines.map((l) => (l === '' ? '#' : `# ${oneLine(l)}`)).join('\n') + '\n';
}

/** `agent/db ports[0]: 127.0.0.1:5432 -> 5432/tcp (moved: …)`: one line of the port map. */
export function portLine(p: PortMapEntry): string {
  const ip = p.hostIp === '' ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  const written = p.written === '' ? 'any' : p.written;
  const moved = p.reason ? ` (moved: ${p.reason})` : '';
  return `${p.nestPath} ports[${p.index}]: ${ip}${written} -> ${p.published}/${p.protocol}${moved}`;
}

/**
 * ` (compose.yaml:21)`, or nothing for a service with no recorded declaration; `shown` keeps
 * the display path of each file met so far.
 */
function where(loc: SourceLoc | undefined, cwd: string, shown: Map<string, string>): string {
  if (!loc) return '';
  let file = shown.get(loc.file);
  if (file === undefined) shown.set(loc.file, (file = displayPath(loc.file, cwd)));
  return ` (${file}:${loc.line})`;
}

/** A comment ends at a line break: one in a file name or a reason must not end it early. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]/g, ' ');
}
