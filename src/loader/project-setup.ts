import path from 'node:path';
import type { Env, LoadContext, LoadOptions } from './context.js';

/** Everything decided before the first Compose file is read. */
export interface ProjectSetup {
  /** Absolute paths of the Compose files, in merge order. */
  files: string[];
  /** Absolute project directory: relative paths in the model resolve against it. */
  projectDir: string;
  /** Interpolation variables: the process environment over the env file(s). */
  env: Env;
  /** Active profiles: `--profile` flags and `COMPOSE_PROFILES`. */
  profiles: string[];
  /** Project name from `-p` or `COMPOSE_PROJECT_NAME`, before the file's `name:`. */
  explicitName?: { value: string; from: 'flag' | 'env' };
}

// STUB: replaced by the project-setup stage (file discovery, COMPOSE_FILE, .env, --env-file).
export function resolveSetup(opts: LoadOptions, ctx: LoadContext): ProjectSetup | undefined {
  const cwd = opts.cwd ?? process.cwd();
  const files = (opts.files ?? ['compose.yaml']).map((f) => path.resolve(cwd, f));
  void ctx;
  return {
    files,
    projectDir: opts.projectDirectory
      ? path.resolve(cwd, opts.projectDirectory)
      : path.dirname(files[0] as string),
    env: opts.env ?? process.env,
    profiles: opts.profiles ?? [],
    ...(opts.projectName
      ? { explicitName: { value: opts.projectName, from: 'flag' as const } }
      : {}),
  };
}
