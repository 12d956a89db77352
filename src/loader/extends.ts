import type { RawModel } from '../model/compose.js';
import type { Env, LoadContext } from './context.js';

// STUB: replaced by the extends stage.
export function applyExtends(model: RawModel, file: string, env: Env, ctx: LoadContext): void {
  void model;
  void file;
  void env;
  void ctx;
}
