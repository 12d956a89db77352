import type { Diagnostics } from '../diag/diagnostic.js';
import type { Project, RawModel } from '../model/compose.js';
import type { Env } from './context.js';

export interface NormalizeOptions {
  name: string;
  projectDir: string;
  env: Env;
}

// STUB: replaced by the normalize stage (defaults, default network, name).
export function normalizeProject(
  model: RawModel,
  opts: NormalizeOptions,
  diags: Diagnostics,
): Project {
  void diags;
  return {
    ...(model as object),
    name: opts.name,
    services: (model.services ?? {}) as Project['services'],
  };
}
