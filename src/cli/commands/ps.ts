import { Command } from 'commander';
import { projectContainers, psRows } from '../../apply/ps/ps-rows.js';
import { SourceStore } from '../../diag/source-store.js';
import { psJsonText } from '../../views/ps-json.js';
import { psText } from '../../views/ps-text.js';
import { EXIT } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import type { Io } from '../io.js';
import type { EngineDeps } from './engine-deps.js';
import { loadTarget, printWarnings, withEngine } from './engine-target.js';

/**
 * `nestc ps`: the project's containers with their nest paths, state, health and published
 * ports, in nest-path order: one list call, no planning.
 */
export function psCommand(
  io: () => Io,
  setExit: (code: number) => void,
  deps: () => EngineDeps,
): Command {
  return new Command('ps')
    .description("list the project's containers: nest path, state, health, published ports")
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc ps\n' +
        '  $ nestc ps --json | jq -r \'.containers[] | select(.state != "running") | .nest_path\'',
    )
    .action(async (_opts: unknown, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const out = io();
      const d = deps();
      const target = loadTarget(g, out, d.host(), { resolve: false });
      if (!target) return setExit(EXIT.userError);
      printWarnings(out, target.diagnostics, new SourceStore());
      await withEngine(out, setExit, async () => {
        const rows = psRows(await projectContainers(d.engine(), target.project));
        out.stdout(out.json ? psJsonText(target.project, rows) : psText(rows));
        setExit(EXIT.ok);
      });
    });
}
