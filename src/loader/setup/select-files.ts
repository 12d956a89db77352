import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../../diag/diagnostic.js';
import { discoverFiles } from './discover.js';
import type { SetupEnv } from './env-files.js';

/** `-` in a file list: the Compose file is read from standard input. */
export const STDIN = '-';

/**
 * Which Compose files make the project, by Compose's rules: `-f` in order (relative to the
 * working directory), else `COMPOSE_FILE` (split on `COMPOSE_PATH_SEPARATOR`, default the
 * platform's list separator, `:` on Linux; relative to the working directory; every entry must
 * exist), else discovery from `searchFrom` upwards. Undefined when nothing usable was found
 * (reported).
 */
export function selectFiles(
  flagFiles: readonly string[],
  env: SetupEnv,
  cwd: string,
  searchFrom: string,
  diags: Diagnostics,
): string[] | undefined {
  if (flagFiles.length > 0) return flagFiles.map((f) => absolute(cwd, f));
  const fromEnv = composeFileEnv(env, cwd, diags);
  if (fromEnv === null) return undefined;
  if (fromEnv) return fromEnv;
  const found = discoverFiles(searchFrom, diags);
  if (found.length > 0) return found;
  diags.error(
    'project-no-file',
    `no Compose file found in ${searchFrom} or any parent directory`,
    undefined,
    {
      detail:
        'looked for compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml (and no -f or COMPOSE_FILE was set)',
      hint: 'run nestc in the directory of your Compose file, or pass -f path/to/compose.yaml',
    },
  );
  return undefined;
}

/**
 * `COMPOSE_FILE` as a list of absolute paths; undefined when unset (or empty: Compose would go
 * on to read the working directory itself as a file, nestc treats it as unset); null when an
 * entry does not exist (reported, as Compose stops there too).
 */
function composeFileEnv(
  env: SetupEnv,
  cwd: string,
  diags: Diagnostics,
): string[] | undefined | null {
  const raw = env.COMPOSE_FILE;
  if (raw === undefined) return undefined;
  const sep = env.COMPOSE_PATH_SEPARATOR || path.delimiter;
  const entries = raw.split(sep).filter((e) => e !== '');
  if (entries.length === 0) return undefined;
  const files = entries.map((f) => absolute(cwd, f));
  let ok = true;
  for (const f of files) {
    if (f === STDIN || statSync(f, { throwIfNoEntry: false })) continue;
    diags.error('project-compose-file-env', `COMPOSE_FILE names a missing file: ${f}`, undefined, {
      detail: `COMPOSE_FILE=${raw}`,
      hint: 'relative entries of COMPOSE_FILE resolve against the working directory',
    });
    ok = false;
  }
  return ok ? files : null;
}

function absolute(cwd: string, f: string): string {
  return f === STDIN ? f : path.resolve(cwd, f);
}
