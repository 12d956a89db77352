import path from 'node:path';
import type { Env } from '../../loader/context.js';
import { parseDotenv } from '../../loader/dotenv.js';
import type { NestNode, ResolveContext } from '../types.js';
import type { ScopeReader } from './scope-reader.js';

/**
 * The variables an inner project is interpolated with: what the parent would run it with. Its
 * declared `environment` (already interpolated; a bare `KEY` takes nestc's value, as Compose
 * passes the shell's), then the inner project's `.env`, which, as in Compose, loses to the
 * environment. nestc's own environment reaches the scope only through the parent.
 */
export function scopeEnv(
  parent: NestNode,
  workingDir: string | undefined,
  reader: ScopeReader,
  outer: Env,
  ctx: ResolveContext,
): Env {
  const declared: Record<string, string> = {};
  for (const [k, v] of Object.entries(parent.service.environment ?? {})) {
    const value = v ?? outer[k];
    if (value !== undefined) declared[k] = value;
  }
  if (workingDir === undefined) return declared;
  const dotenv = path.posix.join(workingDir, '.env');
  if (!reader.exists(dotenv)) return declared;
  const text = reader.readText(dotenv);
  if (text === undefined) return declared;
  const file = reader.locate(dotenv) ?? dotenv;
  const values = parseDotenv(text, file, (k) => declared[k], ctx.diags);
  return { ...Object.fromEntries(values), ...declared };
}
