import path from 'node:path';
import type { Env, LoadContext, LoadOptions } from './context.js';
import { parseComposeBool } from './setup/compose-bool.js';
import { defaultEnvFile, loadEnvFiles, type SetupEnv } from './setup/env-files.js';
import { selectFiles, STDIN } from './setup/select-files.js';
import { captureStdin } from './setup/stdin.js';

/** Everything decided before the first Compose file is read. */
export interface ProjectSetup {
  /** Absolute paths of the Compose files, in merge order (`-` for standard input). */
  files: string[];
  /** Absolute project directory: relative paths in the model resolve against it. */
  projectDir: string;
  /** Interpolation variables: the process environment over the env file(s). */
  env: Env;
  /** Active profiles: `--profile` flags, else `COMPOSE_PROFILES`. */
  profiles: string[];
  /** Project name from `-p` or `COMPOSE_PROJECT_NAME`, before the file's `name:`. */
  explicitName?: { value: string; from: 'flag' | 'env' };
  /** The env files that were read, in order (for `config`-style output and debugging). */
  envFiles?: string[];
}

/**
 * Decide files, project directory, environment and profiles exactly in the order
 * `docker compose` does (its `toProjectOptions`), because each step can change the next:
 *
 * 1. the process environment, which always wins;
 * 2. `--env-file`s, else the `.env` of a first guess at the project directory
 *    (`--project-directory`, else the directory of the first `-f`, else the working directory);
 * 3. the Compose files: `-f`, else `COMPOSE_FILE` (which may come from that `.env`), else
 *    discovery upwards from the first guess;
 * 4. the `.env` of the real project directory, when no `--env-file` was given: it only adds
 *    variables that are still unset, so the first `.env` wins over it;
 * 5. profiles: `--profile`, else `COMPOSE_PROFILES`; the name: `-p`, else `COMPOSE_PROJECT_NAME`.
 *
 * Undefined when the project cannot be set up (reported).
 */
export function resolveSetup(opts: LoadOptions, ctx: LoadContext): ProjectSetup | undefined {
  const cwd = path.resolve(opts.cwd ?? process.cwd());
  const processEnv = opts.env ?? process.env;
  const env: SetupEnv = {};
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) env[k] = v;

  const disabled = disableEnvFile(processEnv, ctx);
  if (disabled === undefined) return undefined;
  const useDefaultEnvFile = !disabled;
  const flagFiles = opts.files ?? [];
  const explicitDir = opts.projectDirectory ? path.resolve(cwd, opts.projectDirectory) : undefined;
  const explicitEnvFiles = (opts.envFiles ?? []).map((f) => path.resolve(cwd, f));

  const firstGuess =
    explicitDir ?? dirOfFirstFile(flagFiles.map((f) => path.resolve(cwd, f))) ?? cwd;
  const envFiles =
    explicitEnvFiles.length > 0
      ? explicitEnvFiles
      : useDefaultEnvFile
        ? defaultEnvFile(firstGuess)
        : [];
  if (!loadEnvFiles(envFiles, env, ctx, explicitEnvFiles.length ? '--env-file' : 'default')) {
    return undefined;
  }

  const files = selectFiles(flagFiles, env, cwd, explicitDir ?? cwd, ctx.diags);
  if (!files || !captureStdin(files, ctx)) return undefined;
  const projectDir = explicitDir ?? dirOfFirstFile(files) ?? cwd;

  const readEnvFiles = [...envFiles];
  if (explicitEnvFiles.length === 0 && useDefaultEnvFile) {
    const second = defaultEnvFile(projectDir).filter((f) => !envFiles.includes(f));
    if (!loadEnvFiles(second, env, ctx, 'default')) return undefined;
    readEnvFiles.push(...second);
  }

  const explicitName = nameFrom(opts.projectName, env.COMPOSE_PROJECT_NAME);
  return {
    files,
    projectDir,
    env,
    profiles: activeProfiles(opts.profiles ?? [], env.COMPOSE_PROFILES),
    ...(explicitName ? { explicitName } : {}),
    envFiles: readEnvFiles,
  };
}

/** Directory of the first real file (not stdin): Compose's default project directory. */
function dirOfFirstFile(files: readonly string[]): string | undefined {
  const first = files.find((f) => f !== STDIN);
  return first === undefined ? undefined : path.dirname(first);
}

/**
 * `COMPOSE_DISABLE_ENV_FILE`, which Compose reads from the process environment only (a `.env`
 * cannot disable itself). Undefined for a value that is not a boolean (reported).
 */
function disableEnvFile(processEnv: Env, ctx: LoadContext): boolean | undefined {
  const raw = processEnv.COMPOSE_DISABLE_ENV_FILE;
  if (raw === undefined) return false;
  const b = parseComposeBool(raw);
  if (b === undefined) {
    ctx.diags.error(
      'project-env-var-invalid',
      `COMPOSE_DISABLE_ENV_FILE must be a boolean, not "${raw}"`,
      undefined,
      { hint: 'use true or false (also 1/0)' },
    );
  }
  return b;
}

/** `--profile` replaces `COMPOSE_PROFILES` (comma-separated); empty entries are dropped. */
function activeProfiles(flags: readonly string[], fromEnv: string | undefined): string[] {
  const list = flags.length > 0 ? flags : (fromEnv ?? '').split(',').map((s) => s.trim());
  return [...new Set(list.filter((p) => p !== ''))];
}

/** `-p` wins over `COMPOSE_PROJECT_NAME`; an empty value counts as unset, as in Compose. */
function nameFrom(
  flag: string | undefined,
  fromEnv: string | undefined,
): ProjectSetup['explicitName'] {
  if (flag) return { value: flag, from: 'flag' };
  if (fromEnv) return { value: fromEnv, from: 'env' };
  return undefined;
}
