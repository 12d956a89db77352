import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { Diagnostics, type Diagnostic } from '../../diag/diagnostic.js';
import type { SourceStore } from '../../diag/source-store.js';
import { compileProject } from '../../resolve/compile.js';
import { addResolveFlags } from '../../resolve/options/cli-flags.js';
import {
  hostProbe,
  resolveOptionsFor,
  type HostProbe,
  type ResolveFlags,
} from '../../resolve/options/resolve-options.js';
import type { FlatGraph } from '../../resolve/types.js';
import { checkComposeV1, compileToJson, renderCompile } from '../../views/compile.js';
import { EXIT } from '../exit-codes.js';
import { loadOptionsFrom, type GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';

/** What `compile` and `graph` get from the compiler: the graph when there was no error. */
export interface CompileRun {
  graph?: FlatGraph;
  files: string[];
  sources: SourceStore;
  diagnostics: Diagnostic[];
}

/**
 * Load and resolve the nestfile the global options name, with the resolver flags and what the
 * machine says (`DOCKER_HOST`, the socket's group, whether nestc runs in a container): the one
 * call `compile` and `graph` share. `more` adds diagnostics found after resolving (the
 * `--compat v1` check); the list is in display order.
 */
export function runCompiler(
  g: GlobalOptions,
  flags: ResolveFlags,
  io: Io,
  host: HostProbe,
  more: (graph: FlatGraph) => Diagnostic[] = () => [],
): CompileRun {
  const { options, diagnostics: env } = resolveOptionsFor(flags, host);
  const res = compileProject(loadOptionsFrom(g, io.cwd, host.env), options);
  const diags = new Diagnostics();
  for (const d of [...env, ...res.diagnostics, ...(res.graph ? more(res.graph) : [])]) diags.add(d);
  const ok = res.graph !== undefined && !diags.hasErrors();
  return {
    ...(ok ? { graph: res.graph } : {}),
    files: res.files,
    sources: res.sources,
    diagnostics: diags.sorted(),
  };
}

/**
 * Write `text` to `-o FILE` (relative to the directory nestc runs in); a diagnostic when it
 * cannot be written. Called only when there is no error, so a failed compile leaves no file
 * (and an older one untouched).
 */
export function writeOutput(io: Io, file: string, text: string): Diagnostic | undefined {
  const target = path.resolve(io.cwd, file);
  try {
    fs.writeFileSync(target, text);
    return undefined;
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    return {
      code: 'nest-output-write-failed',
      severity: 'error',
      summary: `cannot write ${file}: ${reason}`,
    };
  }
}

/** Print a failed run (diagnostics; with `--json`, the JSON document) and set exit code 1. */
export function fail(
  io: Io,
  diags: Diagnostic[],
  sources: SourceStore,
  setExit: (c: number) => void,
): void {
  printDiagnostics(io, diags, sources);
  setExit(EXIT.userError);
}

interface CompileFlags extends ResolveFlags {
  format: 'yaml' | 'json';
  compat?: 'v1';
  output?: string;
}

/**
 * `nestc compile`: the flat graph as a plain Compose file (NESTFILE.md, "What nestc emits"),
 * with a header comment saying where each service came from and where each port went.
 */
export function compileCommand(
  io: () => Io,
  setExit: (code: number) => void,
  probe: () => HostProbe = () => hostProbe(),
): Command {
  const cmd = new Command('compile')
    .description('compile the nestfile into one flat Compose file of sibling containers')
    .addOption(
      new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
    )
    .addOption(
      new Option(
        '--compat <dialect>',
        "v1: what Debian's docker-compose 1.29 reads (an error where it cannot express the graph)",
      ).choices(['v1']),
    )
    .option('-o, --output <file>', 'write the result to this file instead of stdout');
  return addResolveFlags(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc compile > flat.yaml && docker compose -f flat.yaml up -d\n' +
        '  $ nestc -f ci/nest.yaml compile -o flat.yaml --port-range 30000-30999\n' +
        '  $ nestc compile --compat v1 | docker-compose -p ci -f - config\n' +
        '  $ nestc compile --format json | jq .ports\n' +
        '  $ nestc compile --path-map /var/jenkins_home=volume:jenkins_home   # nestc in a container',
    )
    .action((opts: CompileFlags, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const out = io();
      const dialect = opts.compat === 'v1' ? 'compose-v1' : 'compose-spec';
      const run = runCompiler(g, opts, out, probe(), (graph) =>
        dialect === 'compose-v1' ? checkComposeV1(graph.project, graph.services) : [],
      );
      if (!run.graph) return fail(out, run.diagnostics, run.sources, setExit);
      const view = {
        dialect,
        cwd: out.cwd,
        files: run.files,
        diagnostics: run.diagnostics,
      } as const;
      if (opts.output !== undefined) {
        const err = writeOutput(
          out,
          opts.output,
          renderCompile(run.graph, { ...view, format: opts.format }),
        );
        if (err) return fail(out, [...run.diagnostics, err], run.sources, setExit);
        printDiagnostics(out, run.diagnostics, run.sources);
      } else if (out.json) {
        // One JSON document on stdout, as with every command: the graph with its diagnostics.
        out.stdout(
          `${JSON.stringify(compileToJson(run.graph, run.diagnostics, dialect), null, 2)}\n`,
        );
      } else {
        printDiagnostics(out, run.diagnostics, run.sources);
        out.stdout(renderCompile(run.graph, { ...view, format: opts.format }));
      }
      setExit(EXIT.ok);
    });
}
