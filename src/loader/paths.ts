import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import type { Env } from './context.js';

// STUB: replaced by the paths stage (relative paths → absolute against baseDir, `~`).
export function resolvePaths(model: RawModel, baseDir: string, env: Env, diags: Diagnostics): void {
  void model;
  void baseDir;
  void env;
  void diags;
}

// STUB: resolve the relative paths of one service against baseDir (used by extends for services
// that come from another file, whose paths are relative to that file).
export function resolveServicePaths(
  service: Record<string, unknown>,
  baseDir: string,
  env: Env,
  diags: Diagnostics,
): void {
  void service;
  void baseDir;
  void env;
  void diags;
}
