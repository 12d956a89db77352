import { Command, Option } from 'commander';
import type { ApplyEvent } from '../../apply/execute/events.js';
import { executePlan } from '../../apply/execute/execute.js';
import { waitReady } from '../../apply/execute/wait-ready.js';
import { planProject } from '../../apply/plan-project.js';
import { projectContainers, psRows } from '../../apply/ps/ps-rows.js';
import type { Operation } from '../../apply/types.js';
import type { Diagnostic } from '../../diag/diagnostic.js';
import { SourceStore } from '../../diag/source-store.js';
import type { Engine } from '../../engine/engine.js';
import { addResolveFlags } from '../../resolve/options/cli-flags.js';
import type { ResolveFlags } from '../../resolve/options/resolve-options.js';
import { planJson } from '../../views/plan-json.js';
import { planHasChanges } from '../../views/plan-summary.js';
import { planText } from '../../views/plan-text.js';
import { jsonDiagnosticLine, jsonLine } from '../../views/progress-json.js';
import { progressMode, progressSink, type ProgressMode } from '../../views/progress-sink.js';
import { psJson } from '../../views/ps-json.js';
import { upPortsText } from '../../views/ps-text.js';
import { EXIT } from '../exit-codes.js';
import { loadOptionsFrom, type GlobalOptions } from '../global-options.js';
import { printDiagnostics, type Io } from '../io.js';
import type { EngineDeps } from './engine-deps.js';
import { withEngine } from './engine-target.js';
import {
  DEFAULT_PARALLEL,
  DEFAULT_WAIT_TIMEOUT_S,
  positiveInt,
  positiveSeconds,
} from './number-flags.js';

interface UpFlags extends ResolveFlags {
  detach?: boolean;
  dryRun?: boolean;
  wait?: boolean;
  waitTimeout: number;
  removeOrphans?: boolean;
  parallel: number;
}

/** How `up` writes: human text (plan, progress view, port map) or JSON Lines. */
interface UpOutput {
  mode: ProgressMode;
  /** Diagnostics, in the output's form (stderr text, or JSON lines on stdout). */
  report: (diags: Diagnostic[], sources?: SourceStore) => void;
  /** A JSON line (JSON mode) or text (human mode, may be empty) on stdout. */
  line: (json: object, text: string) => void;
  /** Text on stdout in human mode only (spacing between the parts). */
  text: (s: string) => void;
  /**
   * Run `fn` with a progress view that starts with a line for each of `ops` (more come as events
   * name other objects), stopping the view whatever happens.
   */
  progress: <T>(
    ops: readonly Operation[],
    fn: (onEvent: (e: ApplyEvent) => void) => Promise<T>,
  ) => Promise<T>;
}

/**
 * `nestc up`: plan (one observe pass), print the plan, apply it with live progress, and return
 * once the project is applied, like `docker compose up -d` (`-d` is accepted and is the
 * default). `--dry-run` stops after the plan; `--wait` then waits until every container runs
 * (and is healthy); the port map comes last, as the engine publishes it. A planning error
 * creates nothing; a failed step rolls back what the run created (executePlan).
 */
export function upCommand(
  io: () => Io,
  setExit: (code: number) => void,
  deps: () => EngineDeps,
): Command {
  const cmd = new Command('up')
    .description('create and start the project on the engine (plan first; returns once applied)')
    .option(
      '-d, --detach',
      'accepted for docker compose compatibility: up always returns once applied',
    )
    .option('--dry-run', 'print the plan and change nothing')
    .option('--wait', 'after applying, wait until every container runs (and is healthy)')
    .addOption(
      new Option('--wait-timeout <seconds>', 'deadline of each health, completion and --wait wait')
        .argParser(positiveSeconds)
        .default(DEFAULT_WAIT_TIMEOUT_S),
    )
    .option('--remove-orphans', 'remove containers of services no longer in the nestfile')
    .addOption(
      new Option('--parallel <n>', 'engine operations in flight at once')
        .argParser(positiveInt)
        .default(DEFAULT_PARALLEL),
    );
  return addResolveFlags(cmd)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ nestc up\n' +
        '  $ nestc up --dry-run\n' +
        '  $ nestc up --wait --wait-timeout 120\n' +
        '  $ nestc -f ci/nest.yaml -p ci-42 up --remove-orphans --parallel 4\n' +
        '  $ nestc up --json | jq -c \'select(.type == "op-done")\'',
    )
    .action(async (opts: UpFlags, command: Command) => {
      const g = command.optsWithGlobals<GlobalOptions>();
      const io0 = io();
      const d = deps();
      const output = upOutput(io0, d);
      await withEngine(
        io0,
        setExit,
        async () => {
          const engine = d.engine();
          setExit(await up(engine, opts, g, io0, d, output));
        },
        (diags) => {
          output.report(diags);
          output.line({ type: 'result', ok: false }, '');
        },
      );
    });
}

async function up(
  engine: Engine,
  opts: UpFlags,
  g: GlobalOptions,
  io: Io,
  d: EngineDeps,
  out: UpOutput,
): Promise<number> {
  const host = d.host();
  const fail = (diags: Diagnostic[], sources?: SourceStore): number => {
    out.report(diags, sources);
    out.line({ type: 'result', ok: false }, '');
    return EXIT.userError;
  };
  const r = await planProject(engine, {
    load: loadOptionsFrom(g, io.cwd, host.env),
    flags: opts,
    removeOrphans: opts.removeOrphans ?? false,
    host,
    ...(d.extraLabels ? { extraLabels: d.extraLabels } : {}),
  });
  if (!r.plan) return fail(r.diagnostics, r.sources);
  const plan = r.plan;
  out.report(r.diagnostics, r.sources);
  out.line(
    { type: 'plan', plan: planJson(plan) },
    planText(plan, { color: io.color && d.stdoutTty() }),
  );
  if (opts.dryRun) {
    out.line({ type: 'result', ok: true, dry_run: true }, 'Dry run: nothing was changed.\n');
    return EXIT.ok;
  }

  const waitTimeoutMs = opts.waitTimeout * 1000;
  if (planHasChanges(plan)) {
    out.text('\n');
    const res = await out.progress(plan.operations, (onEvent) =>
      executePlan(plan, engine, { parallel: opts.parallel, waitTimeoutMs, onEvent }),
    );
    if (!res.ok) return fail(res.diagnostics);
  }
  if (opts.wait) {
    out.text('\n');
    // The view lists the containers as they are waited for, not the plan's other objects.
    const diags = await out.progress([], (onEvent) =>
      waitReady(plan, engine, { timeoutMs: waitTimeoutMs, onEvent }),
    );
    if (diags.length > 0) return fail(diags);
  }

  const rows = psRows(await projectContainers(engine, plan.project));
  const ports = psJson(plan.project, rows).containers.flatMap((c) =>
    c.ports.map((p) => ({ nest_path: c.nest_path, service: c.service, name: c.name, ...p })),
  );
  out.line({ type: 'ports', ports }, `\n${upPortsText(rows)}`);
  out.line({ type: 'result', ok: true }, '');
  return EXIT.ok;
}

function upOutput(io: Io, d: EngineDeps): UpOutput {
  const mode = progressMode({
    json: io.json,
    color: io.color,
    stdoutTty: d.stdoutTty(),
    term: d.term(),
  });
  const json = mode === 'json';
  return {
    mode,
    report: (diags, sources = new SourceStore()) => {
      if (json) for (const x of diags) io.stdout(jsonDiagnosticLine(x));
      else if (diags.length > 0) printDiagnostics(io, diags, sources);
    },
    line: (value, text) => {
      if (json) io.stdout(jsonLine(value));
      else if (text !== '') io.stdout(text);
    },
    text: (s) => {
      if (!json) io.stdout(s);
    },
    progress: async (ops, fn) => {
      const sink = progressSink(mode, ops, io.stdout, {
        color: io.color,
        columns: d.columns(),
      });
      try {
        return await fn(sink.onEvent);
      } finally {
        sink.stop();
      }
    },
  };
}
