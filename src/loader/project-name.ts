import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import type { ProjectSetup } from './project-setup.js';
import path from 'node:path';

// STUB: replaced by the project-name stage (-p, COMPOSE_PROJECT_NAME, name:, directory; normalized).
export function projectName(
  setup: ProjectSetup,
  model: RawModel,
  diags: Diagnostics,
): string | undefined {
  void diags;
  return (
    setup.explicitName?.value ??
    (typeof model.name === 'string' ? model.name : path.basename(setup.projectDir))
  );
}
