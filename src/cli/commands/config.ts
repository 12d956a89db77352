import { Command, Option } from 'commander';
import { diagnosticsToJson } from '../../diag/render.js';
import { loadProject } from '../../loader/load.js';
import { renderConfig } from '../../views/config.js';
import { EXIT } from '../exit-codes.js';
import { loadOptionsFrom, type GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';

/**
 * `nestc config`: the normalized model, as `docker compose config` prints it. It is the first
 * thing to run when a file does not do what you expect: it shows what nestc read.
 */
export function configCommand(io: () => Io, setExit: (code: number) => void): Command {
  return new Command('config')
    .description('print the normalized Compose model (interpolated, merged, long syntax)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
    )
    .addOption(
      new Option(
        '--compat <dialect>',
        "v1: what Debian's docker-compose 1.29 reads (no top-level name; pass -p instead)",
      ).choices(['v1']),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ nestc config\n  $ nestc -f compose.yaml -f compose.ci.yaml config --format json\n  $ nestc config --profile debug --env-file ci.env\n  $ nestc config --compat v1 | docker-compose -p myproj -f - config',
    )
    .action((opts: { format: 'yaml' | 'json'; compat?: 'v1' }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const out = io();
      const res = loadProject(loadOptionsFrom(g, out.cwd, process.env));
      if (!res.project) {
        printDiagnostics(out, res.diagnostics, res.sources);
        setExit(EXIT.userError);
        return;
      }
      if (out.json) {
        // One JSON document on stdout: the warnings that came with the model, and the model.
        const doc = {
          ...diagnosticsToJson(res.diagnostics),
          project: JSON.parse(renderConfig(res.project, 'json')) as unknown,
        };
        out.stdout(JSON.stringify(doc, null, 2) + '\n');
      } else {
        printDiagnostics(out, res.diagnostics, res.sources);
        const dialect = opts.compat === 'v1' ? 'compose-v1' : 'compose-spec';
        out.stdout(renderConfig(res.project, opts.format, { dialect }));
      }
      setExit(EXIT.ok);
    });
}
