import { Command, Option } from 'commander';
import { diagnosticsToJson } from '../../diag/render.js';
import { addResolveFlags } from '../../resolve/options/cli-flags.js';
import {
  hostProbe,
  type HostProbe,
  type ResolveFlags,
} from '../../resolve/options/resolve-options.js';
import { renderGraph, type GraphFormat } from '../../views/graph.js';
import { EXIT } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';
import { fail, runCompiler, writeOutput } from './compile.js';

interface GraphFlags extends ResolveFlags {
  format: GraphFormat;
  output?: string;
}

/**
 * `nestc graph`: the nested topology beside its flat result, as Mermaid or DOT. It resolves
 * the graph exactly as `compile` does (same flags), so the picture shows the final ports.
 */
export function graphCommand(
  io: () => Io,
  setExit: (code: number) => void,
  probe: () => HostProbe = () => hostProbe(),
): Command {
  const cmd = new Command('graph')
    .description('draw the nested topology and its flat result (Mermaid or DOT)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['mermaid', 'dot'])
        .default('mermaid'),
    )
    .option('-o, --output <file>', 'write the picture to this file instead of stdout');
  return addResolveFlags(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc graph > topology.mmd\n' +
        '  $ nestc graph --format dot | dot -Tsvg > topology.svg\n' +
        '  $ nestc -f ci/nest.yaml graph -o topology.mmd',
    )
    .action((opts: GraphFlags, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const out = io();
      const run = runCompiler(g, opts, out, probe());
      if (!run.graph) return fail(out, run.diagnostics, run.sources, setExit);
      const text = renderGraph(run.graph, opts.format);
      if (opts.output !== undefined) {
        const err = writeOutput(out, opts.output, text);
        if (err) return fail(out, [...run.diagnostics, err], run.sources, setExit);
        printDiagnostics(out, run.diagnostics, run.sources);
      } else if (out.json) {
        const doc = { ...diagnosticsToJson(run.diagnostics), format: opts.format, graph: text };
        out.stdout(`${JSON.stringify(doc, null, 2)}\n`);
      } else {
        printDiagnostics(out, run.diagnostics, run.sources);
        out.stdout(text);
      }
      setExit(EXIT.ok);
    });
}
