import { statSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext } from '../context.js';
import { parseDotenv } from '../dotenv.js';

/** The mutable environment that setup builds: the process environment plus env-file values. */
export type SetupEnv = Record<string, string>;

/**
 * The project's default `.env`: `<dir>/.env` when it exists and is not a directory. Compose
 * skips it silently when absent, and entirely when `COMPOSE_DISABLE_ENV_FILE` is true.
 */
export function defaultEnvFile(dir: string): string[] {
  const file = path.join(dir, '.env');
  const st = statSync(file, { throwIfNoEntry: false });
  return st && !st.isDirectory() ? [file] : [];
}

/**
 * Read env files in order into `env`, as compose-go's `GetEnvFromFile` + `Environment.Merge`:
 * a later file overrides an earlier one, interpolation inside a file sees the environment first
 * and then the values of the files read before it, and a variable already in `env` (the process
 * environment, or an earlier load) is never overridden. Every file must exist. Returns false
 * when a file is missing or has errors (already reported).
 */
export function loadEnvFiles(
  files: readonly string[],
  env: SetupEnv,
  ctx: LoadContext,
  origin: string,
): boolean {
  const before = ctx.diags.errorCount;
  const values = new Map<string, string>();
  for (const file of files) {
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) {
      ctx.diags.error('file-not-found', `env file not found: ${file}`, undefined, {
        detail: `named by ${origin}`,
        hint: 'paths given with --env-file are relative to the working directory',
      });
      return false;
    }
    const text = ctx.readText(file);
    if (text === undefined) return false;
    const lookup = (name: string): string | undefined => env[name] ?? values.get(name);
    for (const [k, v] of parseDotenv(text, file, lookup, ctx.diags)) values.set(k, v);
  }
  if (ctx.diags.errorCount > before) return false;
  for (const [k, v] of values) if (!(k in env)) env[k] = v;
  return true;
}
