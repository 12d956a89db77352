import type { RawModel } from '../model/compose.js';
import type { LoadContext } from './context.js';
import type { ProjectSetup } from './project-setup.js';

// STUB: replaced by the include stage.
export function applyInclude(model: RawModel, setup: ProjectSetup, ctx: LoadContext): void {
  void model;
  void setup;
  void ctx;
}
