import { Command } from 'commander';
import { planProject } from '../../apply/plan-project.js';
import { addResolveFlags } from '../../resolve/options/cli-flags.js';
import type { ResolveFlags } from '../../resolve/options/resolve-options.js';
import { planJsonText } from '../../views/plan-json.js';
import { planHasChanges } from '../../views/plan-summary.js';
import { planText } from '../../views/plan-text.js';
import { EXIT } from '../exit-codes.js';
import { loadOptionsFrom, type GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';
import type { EngineDeps } from './engine-deps.js';
import { printWarnings, withEngine } from './engine-target.js';

/**
 * `plan --detailed-exitcode` when the plan changes something (Terraform's `-detailed-exitcode`:
 * 0 no changes, 1 error, 2 changes), so CI can branch on drift without parsing output.
 */
export const EXIT_PLAN_CHANGES = 2;

interface PlanFlags extends ResolveFlags {
  detailedExitcode?: boolean;
  removeOrphans?: boolean;
}

/**
 * `nestc plan`: what `up` would do, and the final port map, computed from one observe pass;
 * nothing is changed. Human text, or the versioned JSON document with `--json` (docs/up.md).
 */
export function planCommand(
  io: () => Io,
  setExit: (code: number) => void,
  deps: () => EngineDeps,
): Command {
  const cmd = new Command('plan')
    .description('show what `up` would change on the engine (and the port map); changes nothing')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when none, 1 on errors')
    .option('--remove-orphans', 'plan the removal of containers of services no longer in the file');
  return addResolveFlags(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc plan\n' +
        '  $ nestc plan --json | jq .summary\n' +
        '  $ nestc plan --detailed-exitcode || [ $? -eq 2 ] && echo "drift"',
    )
    .action(async (opts: PlanFlags, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const out = io();
      const d = deps();
      const host = d.host();
      await withEngine(out, setExit, async () => {
        const r = await planProject(d.engine(), {
          load: loadOptionsFrom(g, out.cwd, host.env),
          flags: opts,
          removeOrphans: opts.removeOrphans ?? false,
          host,
          ...(d.extraLabels ? { extraLabels: d.extraLabels } : {}),
        });
        if (!r.plan) {
          printDiagnostics(out, r.diagnostics, r.sources);
          setExit(EXIT.userError);
          return;
        }
        printWarnings(out, r.diagnostics, r.sources);
        out.stdout(
          out.json ? planJsonText(r.plan) : planText(r.plan, { color: out.color && d.stdoutTty() }),
        );
        setExit(opts.detailedExitcode && planHasChanges(r.plan) ? EXIT_PLAN_CHANGES : EXIT.ok);
      });
    });
}
