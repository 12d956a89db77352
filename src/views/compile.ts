import type { Diagnostic, SourceLoc } from '../diag/diagnostic.js';
import { diagnosticsToJson } from '../diag/render.js';
import type { Project } from '../model/compose.js';
import type { FlatGraph, PortMapEntry } from '../resolve/types.js';
import { renderHeader, type HeaderOptions } from './compile-header.js';
import { renderConfig, type ConfigDialect } from './config.js';

export { checkComposeV1 } from './compile-v1-check.js';

export interface CompileViewOptions extends HeaderOptions {
  format: 'yaml' | 'json';
  /** The warnings that came with the graph; part of the JSON document. */
  diagnostics?: Diagnostic[];
}

/**
 * The `compile` view: the flat graph as a plain Compose file. YAML is the header comment
 * (`renderHeader`: where each service came from, the port map) over the `config` view's
 * rendering of the flat project, so `compile` and `config` print Compose the same way. JSON is
 * `compileToJson`. Deterministic: same graph, same bytes.
 */
export function renderCompile(graph: FlatGraph, opts: CompileViewOptions): string {
  const dialect = opts.dialect ?? 'compose-spec';
  if (opts.format === 'json') {
    return `${JSON.stringify(compileToJson(graph, opts.diagnostics ?? [], dialect), null, 2)}\n`;
  }
  const body = renderConfig(projectFor(graph.project, dialect), 'yaml', { dialect });
  return `${renderHeader(graph, opts)}${body}`;
}

/**
 * The JSON document of `compile --format json` and `compile --json`: the diagnostics document
 * (`version`, `diagnostics`), the flat project as the `config` view prints it, and the map back
 * to the nestfile: for each flat service its nest path, depth, scope (the nest path of the
 * service that starts it, `''` at the root) and declaration; for each published port where it
 * was written and what it got. File names are absolute, as in `diagnostics`.
 */
export function compileToJson(
  graph: FlatGraph,
  diagnostics: Diagnostic[],
  dialect: ConfigDialect = 'compose-spec',
): object {
  return {
    ...diagnosticsToJson(diagnostics),
    project: JSON.parse(
      renderConfig(projectFor(graph.project, dialect), 'json', { dialect }),
    ) as unknown,
    services: graph.services.map((s) => ({
      flatName: s.flatName,
      nestPath: s.nestPath,
      depth: s.depth,
      scope: s.scope,
      ...source(s.loc),
    })),
    ports: graph.ports.map(portJson),
  };
}

function portJson(p: PortMapEntry): object {
  return {
    nestPath: p.nestPath,
    service: p.service,
    index: p.index,
    protocol: p.protocol,
    hostIp: p.hostIp,
    target: p.target,
    written: p.written,
    published: p.published,
    ...(p.reason ? { reason: p.reason } : {}),
    ...source(p.loc),
  };
}

function source(loc: SourceLoc | undefined): {
  source?: { file: string; line: number; col: number };
} {
  return loc ? { source: { file: loc.file, line: loc.line, col: loc.col } } : {};
}

/**
 * The project as the dialect needs it. `compose-v1` has no top-level `name`, so a network or
 * volume without an explicit engine name would be named after whatever `-p` docker-compose is
 * given; every one gets its compose-spec name (`<project>_<key>`) written out, so the file means
 * the same under any `-p`. The loader and the resolver name every resource already; this holds
 * the promise for any graph. External resources keep their own names.
 */
function projectFor(project: Project, dialect: ConfigDialect): Project {
  if (dialect !== 'compose-v1') return project;
  const named = <T extends { name?: string; external?: boolean }>(
    map: Record<string, T | null> | undefined,
  ): Record<string, T> | undefined => {
    if (!map) return map;
    const out: Record<string, T> = {};
    for (const [key, r] of Object.entries(map)) {
      const v = (r ?? {}) as T;
      out[key] =
        v.name !== undefined || v.external === true ? v : { ...v, name: `${project.name}_${key}` };
    }
    return out;
  };
  const out: Project = { ...project };
  const networks = named(project.networks);
  const volumes = named(project.volumes);
  if (networks) out.networks = networks;
  if (volumes) out.volumes = volumes;
  return out;
}
