import { Command, CommanderError } from 'commander';
import { EXIT } from '../exit-codes.js';
import { addGlobalOptions, type GlobalOptions } from '../global-options.js';
import type { Io } from '../io.js';
import type { HostProbe } from '../../resolve/options/resolve-options.js';
import { compileCommand } from './compile.js';
import { graphCommand } from './graph.js';

/** A machine that is not a container, has no engine socket and an empty environment. */
export const PLAIN_HOST: HostProbe = {
  env: {},
  stat: () => undefined,
  containerId: () => undefined,
};

/**
 * Run `compile` or `graph` as `main` does, but with the machine described by `host`, so that the
 * tests do not depend on where they run (a container, a `DOCKER_HOST`, a socket).
 */
export async function runWith(
  args: string[],
  cwd: string,
  host: HostProbe = PLAIN_HOST,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code: number = EXIT.ok;
  const streams = {
    writeOut: (s: string) => void (stdout += s),
    writeErr: (s: string) => void (stderr += s),
  };
  const program = addGlobalOptions(new Command('nestc')).exitOverride().configureOutput(streams);
  const io = (): Io => ({
    stdout: streams.writeOut,
    stderr: streams.writeErr,
    json: program.opts<GlobalOptions>().json,
    color: false,
    cwd,
  });
  const setExit = (c: number): void => void (code = c);
  for (const cmd of [
    compileCommand(io, setExit, () => host),
    graphCommand(io, setExit, () => host),
  ]) {
    program.addCommand(cmd.exitOverride().configureOutput(streams));
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return { code, stdout, stderr };
}
