import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { compileCommand } from './commands/compile.js';
import { configCommand } from './commands/config.js';
import { downCommand } from './commands/down.js';
import { engineDeps, type EngineDeps } from './commands/engine-deps.js';
import { graphCommand } from './commands/graph.js';
import { planCommand } from './commands/plan.js';
import { portCommand } from './commands/port.js';
import { psCommand } from './commands/ps.js';
import { upCommand } from './commands/up.js';
import { EXIT } from './exit-codes.js';
import { addGlobalOptions, type GlobalOptions } from './global-options.js';
import { useColor, type Io } from './io.js';

/** The package version, read once from package.json (one source of truth). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Run the CLI with `argv` (without node and script) and return the exit code. The process is
 * not exited here, so tests can call it in-process; `deps` replaces the engine, the machine
 * or the terminal that the engine commands use (tests pass the in-memory engine). Command
 * actions may be async: parseAsync awaits them before the exit code is read.
 */
export async function main(
  argv: string[],
  streams: { stdout: (s: string) => void; stderr: (s: string) => void } = {
    stdout: pipeSafe(process.stdout),
    stderr: pipeSafe(process.stderr),
  },
  deps: Partial<EngineDeps> = {},
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = addGlobalOptions(new Command('nestc'))
    .description(
      'Compile nested container topologies (Compose + x-nest) into a flat graph of sibling containers, and apply it to a Docker engine.',
    )
    .version(packageVersion(), '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr })
    .addHelpText(
      'after',
      '\nExamples:\n  $ nestc config                      # print the normalized model of ./compose.yaml\n  $ nestc -f ci/nest.yaml config --json\n  $ nestc compile -o flat.yaml        # the flat Compose file of ./compose.yaml\n  $ nestc graph --format dot | dot -Tsvg > topology.svg\n  $ nestc plan                        # what up would change\n  $ nestc up --wait && nestc port agent/db 5432\n  $ nestc down --volumes\n\nDocs: docs/cli.md, docs/nestfile.md, docs/up.md. Exit codes: 0 ok, 1 errors (input or engine), 2 changes (plan --detailed-exitcode), 64 usage, 70 bug.',
    );

  const io = (): Io => {
    const g = program.opts<GlobalOptions>();
    return {
      stdout: streams.stdout,
      stderr: streams.stderr,
      json: g.json,
      color: useColor(!g.color, process.env, Boolean(process.stderr.isTTY)),
      cwd: process.cwd(),
    };
  };
  const setExit = (code: number): void => {
    exitCode = code;
  };
  let engineSide: EngineDeps | undefined;
  const withDeps = (): EngineDeps => (engineSide ??= engineDeps(deps));

  for (const cmd of [
    configCommand(io, setExit),
    compileCommand(io, setExit),
    graphCommand(io, setExit),
    planCommand(io, setExit, withDeps),
    upCommand(io, setExit, withDeps),
    downCommand(io, setExit, withDeps),
    psCommand(io, setExit, withDeps),
    portCommand(io, setExit, withDeps),
  ]) {
    cmd.exitOverride().configureOutput({ writeOut: streams.stdout, writeErr: streams.stderr });
    program.addCommand(cmd);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; a usage mistake with commander's message.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    streams.stderr(bugReport(e));
    return EXIT.internal;
  }
  return exitCode;
}

/**
 * A write that survives its reader going away (`nestc down --json | head -3`): the command
 * still finishes its work on the engine, and output nobody reads is dropped. Without this,
 * the EPIPE error would end nestc halfway through `up` or `down`.
 */
function pipeSafe(stream: NodeJS.WriteStream): (s: string) => void {
  let gone = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    gone = true;
  });
  return (s) => {
    if (!gone) stream.write(s);
  };
}

/** The one message for exceptions: they are bugs, never the user's fault. */
function bugReport(e: unknown): string {
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return (
    `internal error: this is a bug in nestc ${packageVersion()}, not a problem with your files.\n` +
    `Please report it with the command you ran and the output below.\n\n${detail}\n`
  );
}
