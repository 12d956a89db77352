import { existsSync } from 'node:fs';
import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';
import { copyLoc, copyLocations, locAt } from '../../model/locations.js';
import type { Env } from '../context.js';
import { parseDotenv } from '../dotenv.js';
import { mapOf, type Obj } from './obj.js';

/** How the environment step reads files; the loader passes its own reader so reads are recorded. */
export interface EnvFileIo {
  /** Read a text file; on failure reports a located diagnostic at `from` and returns undefined. */
  readText: (path: string, from?: SourceLoc) => string | undefined;
  /** Whether a file exists, to skip a missing `required: false` env file silently. */
  fileExists?: (path: string) => boolean;
}

/**
 * A service's `environment` as `docker compose config` prints it (compose-go
 * `WithServicesEnvironmentResolved`, with env files discarded):
 *
 * - a bare `KEY` (`null`) takes its value from the project environment when set there, else stays
 *   `null` (the engine then leaves it unset);
 * - each `env_file` is read in order, later files winning; `${VAR}` inside one is looked up in
 *   what is already known for the service, then the project environment;
 * - `environment` wins over every env file, even where its value is `null`;
 * - `env_file` is then removed: its contents now live in `environment`, so the compiled file
 *   does not depend on files the engine host may not have.
 */
export function resolveEnvironment(
  service: Obj,
  env: Env,
  io: EnvFileIo,
  diags: Diagnostics,
): void {
  // The canonical stage makes `environment` a mapping; anything else is not ours to rewrite.
  if (Array.isArray(service.environment)) return;
  const written = mapOf(service.environment);
  if (written) {
    for (const [k, v] of Object.entries(written)) {
      if (v === null && env[k] !== undefined) written[k] = env[k];
    }
  }
  const files = service.env_file;
  if (!Array.isArray(files)) {
    if (files !== undefined) delete service.env_file;
    return;
  }
  // What `${VAR}` in an env file sees first: the service's own values, then earlier files.
  const known = new Map<string, string>();
  if (written)
    for (const [k, v] of Object.entries(written)) if (typeof v === 'string') known.set(k, v);
  const lookup = (name: string): string | undefined => known.get(name) ?? env[name];
  const out: Obj = {};
  files.forEach((ref, i) => {
    const r = mapOf(ref);
    const file = typeof ref === 'string' ? ref : r?.path;
    if (typeof file !== 'string') return;
    const from = locAt(files, r ? [i, 'path'] : [i]);
    const required = r?.required !== false;
    const vars = readEnvFile(file, required, r?.format, from, lookup, io, diags);
    for (const [k, v] of vars) {
      out[k] = v;
      known.set(k, v);
    }
  });
  if (written) {
    Object.assign(out, written);
    copyLocations(written, out);
  } else {
    // The environment now comes from the env files: point at them.
    copyLoc(service, 'env_file', service, 'environment');
  }
  service.environment = out;
  delete service.env_file;
}

function readEnvFile(
  file: string,
  required: boolean,
  format: unknown,
  from: SourceLoc | undefined,
  lookup: (name: string) => string | undefined,
  io: EnvFileIo,
  diags: Diagnostics,
): [string, string][] {
  if (!required && !(io.fileExists ?? existsSync)(file)) return [];
  const text = io.readText(file, from);
  if (text === undefined) return [];
  if (format === 'raw') return parseRaw(text);
  return [...parseDotenv(text, file, lookup, diags)];
}

/**
 * The `raw` env-file format: `KEY=VALUE` lines taken as written, without quotes, escapes or
 * interpolation. Blank lines and `#` comment lines are skipped.
 */
function parseRaw(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) out.push([line.slice(0, eq).trim(), line.slice(eq + 1)]);
  }
  return out;
}
