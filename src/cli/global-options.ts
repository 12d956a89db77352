import type { Command } from 'commander';
import type { LoadOptions } from '../loader/context.js';

/** Options every command that reads a nestfile accepts, as `docker compose` spells them. */
export interface GlobalOptions {
  file: string[];
  projectName?: string;
  projectDirectory?: string;
  profile: string[];
  envFile: string[];
  json: boolean;
  color: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Register the global options on the root command; they may stand before or after a command. */
export function addGlobalOptions(cmd: Command): Command {
  return cmd
    .option(
      '-f, --file <path>',
      'Compose/nest file (repeatable; later files override earlier)',
      collect,
      [],
    )
    .option(
      '-p, --project-name <name>',
      'project name (default: name: in the file, else the directory)',
    )
    .option(
      '--project-directory <dir>',
      "directory relative paths resolve against (default: the first file's)",
    )
    .option('--profile <name>', 'activate a profile (repeatable)', collect, [])
    .option('--env-file <path>', 'environment file instead of .env (repeatable)', collect, [])
    .option('--json', 'print diagnostics (and results) as JSON', false)
    .option('--no-color', 'never colour the output');
}

/** The loader's options from the parsed command line; the environment fills the rest. */
export function loadOptionsFrom(
  g: GlobalOptions,
  cwd: string,
  env: NodeJS.ProcessEnv,
): LoadOptions {
  return {
    cwd,
    env,
    ...(g.file.length ? { files: g.file } : {}),
    ...(g.projectName !== undefined ? { projectName: g.projectName } : {}),
    ...(g.projectDirectory !== undefined ? { projectDirectory: g.projectDirectory } : {}),
    ...(g.profile.length ? { profiles: g.profile } : {}),
    ...(g.envFile.length ? { envFiles: g.envFile } : {}),
  };
}
