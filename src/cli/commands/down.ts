import { Command, Option } from 'commander';
import { downProject, type DownResult } from '../../apply/down/down.js';
import { projectServices } from '../../apply/down/project-services.js';
import type { Diagnostic } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import { jsonDiagnosticLine, jsonLine } from '../../views/progress-json.js';
import { progressMode, progressSink } from '../../views/progress-sink.js';
import { downSummary } from '../../views/progress-summary.js';
import { EXIT } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';
import type { EngineDeps } from './engine-deps.js';
import { loadTarget, withEngine } from './engine-target.js';
import { DEFAULT_PARALLEL, positiveInt } from './number-flags.js';

interface DownFlags {
  volumes?: boolean;
  removeOrphans?: boolean;
  parallel: number;
}

/**
 * `nestc down`: remove the project's containers (found by label) in reverse dependency order,
 * then its networks, and with `--volumes` its volumes. The dependencies come from the
 * nestfile; when it no longer loads, every labelled container goes, in any order, with a
 * warning. Orphans go only with `--remove-orphans`, as in Compose.
 */
export function downCommand(
  io: () => Io,
  setExit: (code: number) => void,
  deps: () => EngineDeps,
): Command {
  return new Command('down')
    .description("remove the project's containers and networks (and volumes with --volumes)")
    .option('--volumes', "remove the project's named volumes and containers' anonymous volumes")
    .option('--remove-orphans', 'remove containers of services no longer in the nestfile too')
    .addOption(
      new Option('--parallel <n>', 'removals in flight at once')
        .argParser(positiveInt)
        .default(DEFAULT_PARALLEL),
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc down\n' +
        '  $ nestc down --volumes --remove-orphans\n' +
        '  $ nestc -p ci-42 down            # also when the nestfile is gone',
    )
    .action(async (opts: DownFlags, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const out = io();
      const d = deps();
      const mode = progressMode({
        json: out.json,
        color: out.color,
        stdoutTty: d.stdoutTty(),
        term: d.term(),
      });
      const report = (diags: Diagnostic[]): void => {
        if (mode === 'json') for (const x of diags) out.stdout(jsonDiagnosticLine(x));
        else if (diags.length > 0) printDiagnostics(out, diags, new SourceStore());
      };
      const target = loadTarget(g, out, d.host(), { resolve: true, allProfiles: true });
      if (!target) return setExit(EXIT.userError);
      report(target.diagnostics);
      await withEngine(
        out,
        setExit,
        async () => {
          const engine = d.engine();
          const sink = progressSink(mode, [], out.stdout, {
            color: out.color,
            columns: d.columns(),
          });
          let r: DownResult;
          try {
            r = await downProject(engine, {
              project: target.project,
              ...(target.graph ? { services: projectServices(target.graph) } : {}),
              volumes: opts.volumes ?? false,
              removeOrphans: opts.removeOrphans ?? false,
              parallel: opts.parallel,
              onEvent: sink.onEvent,
            });
          } finally {
            sink.stop();
          }
          report(r.diagnostics);
          if (mode === 'json') out.stdout(jsonLine({ type: 'result', ok: r.ok }));
          else out.stdout(downSummary(r.plan, r.ok));
          setExit(r.ok ? EXIT.ok : EXIT.userError);
        },
        (diags) => {
          report(diags);
          if (mode === 'json') out.stdout(jsonLine({ type: 'result', ok: false }));
        },
      );
    });
}
