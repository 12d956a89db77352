import { statSync } from 'node:fs';
import path from 'node:path';
import type { SourceLoc } from '../../diag/diagnostic.js';
import type { Env, LoadContext } from '../context.js';
import { defaultEnvFile, loadEnvFiles, type SetupEnv } from '../setup/env-files.js';

/** One `env_file` of an include entry, with where it was written. */
export interface IncludeEnvFile {
  file: string;
  loc: SourceLoc | undefined;
}

/**
 * The interpolation environment of an included project (compose-go's `ApplyInclude`): the
 * including project's environment, over the entry's `env_file`s (relative to the including
 * project's directory; every one must exist; `/dev/null` is none), else over the `.env` of the
 * included project directory when there is one. The including environment wins so the including
 * project can customise what it includes. Undefined when an env file is missing or broken
 * (reported).
 */
export function includeEnv(
  envFiles: readonly IncludeEnvFile[] | undefined,
  including: { dir: string; env: Env },
  projectDir: string,
  ctx: LoadContext,
): Env | undefined {
  const env: SetupEnv = {};
  for (const [k, v] of Object.entries(including.env)) if (v !== undefined) env[k] = v;
  let files: string[];
  if (envFiles === undefined) files = defaultEnvFile(projectDir);
  else {
    files = [];
    for (const { file, loc } of envFiles) {
      if (file === '/dev/null') continue;
      const abs = path.resolve(including.dir, file);
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st || st.isDirectory()) {
        ctx.diags.error(
          st ? 'file-is-directory' : 'file-not-found',
          st ? `env file is a directory: ${abs}` : `env file not found: ${abs}`,
          loc,
          { hint: "an include's env_file is relative to the including project's directory" },
        );
        return undefined;
      }
      files.push(abs);
    }
  }
  return loadEnvFiles(files, env, ctx, 'include') ? env : undefined;
}
