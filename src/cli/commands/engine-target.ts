import type { Diagnostic } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { fallbackProjectName } from '../../apply/down/fallback-name.js';
import { isEngineError } from '../../engine/engine-error.js';
import { loadProject } from '../../loader/load.js';
import { compileProject } from '../../resolve/compile.js';
import { resolveOptionsFor, type HostProbe } from '../../resolve/options/resolve-options.js';
import type { FlatGraph } from '../../resolve/types.js';
import { EXIT } from '../exit-codes.js';
import { loadOptionsFrom, type GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';

/** The project `down`, `ps` and `port` act on: its name, and its flat graph when it resolves. */
export interface ProjectTarget {
  project: string;
  /** Only when asked for and the nestfile resolves. */
  graph?: FlatGraph;
  /** `apply-nestfile-not-loaded` when the name had to be found without the nestfile. */
  diagnostics: Diagnostic[];
}

/**
 * Find the project without planning: load the nestfile for its name (and, with `resolve`,
 * resolve it for its services and dependencies; `allProfiles` counts every profile's services
 * as the project's, so `down` does not take a `--profile` service for an orphan). The loader's
 * and resolver's warnings are not repeated here: these commands do not act on the file's
 * contents. When the nestfile does not load, the name comes from fallbackProjectName with a
 * warning; undefined (and an error printed) only when no name can be found at all.
 */
export function loadTarget(
  g: GlobalOptions,
  io: Io,
  host: HostProbe,
  opts: { resolve: boolean; allProfiles?: boolean },
): ProjectTarget | undefined {
  const load = {
    ...loadOptionsFrom(g, io.cwd, host.env),
    ...(opts.allProfiles ? { profiles: ['*'] } : {}),
  };
  let name: string | undefined;
  let graph: FlatGraph | undefined;
  let errors: Diagnostic[];
  if (opts.resolve) {
    const r = compileProject(load, resolveOptionsFor({}, host).options);
    name = r.graph?.project.name;
    graph = r.graph;
    errors = r.diagnostics.filter((d) => d.severity === 'error');
  } else {
    const r = loadProject(load);
    name = r.project?.name;
    errors = r.diagnostics.filter((d) => d.severity === 'error');
  }
  if (name !== undefined && errors.length === 0) {
    return { project: name, ...(graph ? { graph } : {}), diagnostics: [] };
  }

  const fallback = fallbackProjectName({
    ...(g.projectName !== undefined ? { projectName: g.projectName } : {}),
    files: g.file,
    ...(g.projectDirectory !== undefined ? { projectDirectory: g.projectDirectory } : {}),
    cwd: io.cwd,
    env: host.env,
  });
  if (fallback === undefined) {
    printDiagnostics(io, errors, new SourceStore());
    return undefined;
  }
  const first = errors[0];
  return {
    project: fallback,
    diagnostics: [
      {
        code: 'apply-nestfile-not-loaded',
        severity: 'warning',
        summary: `the nestfile does not load (${errors.length} error${errors.length === 1 ? '' : 's'}); acting on every container labelled io.nestc.project=${fallback}`,
        ...(first ? { detail: `first error: ${first.code}: ${first.summary}` } : {}),
        hint: 'run nestc config to see the errors; pass -p NAME if that is not the project you meant',
      },
    ],
  };
}

/**
 * Run a command's engine work; an EngineError (no engine, permission denied, a bad
 * DOCKER_HOST) is printed as the diagnostic it carries, with exit code 1 and no stack trace.
 * `report` prints it the way the command prints its other diagnostics (JSON Lines for `up`).
 */
export async function withEngine(
  io: Io,
  setExit: (code: number) => void,
  work: () => Promise<void>,
  report: (diags: Diagnostic[]) => void = (d) => printDiagnostics(io, d, new SourceStore()),
): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!isEngineError(err)) throw err;
    report([err.diagnostic]);
    setExit(EXIT.userError);
  }
}

/** Warnings on stderr in human form, also under `--json` (stdout holds the document). */
export function printWarnings(io: Io, diags: Diagnostic[], sources: SourceStore): void {
  if (diags.length > 0) printDiagnostics({ ...io, json: false }, diags, sources);
}
