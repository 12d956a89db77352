import { Diagnostics } from '../diag/diagnostic.js';
import { SourceStore } from '../diag/source-store.js';
import type { LoadContext } from './context.js';
import { readText } from './read-text.js';

/** A fresh load context: its own diagnostics, its own source texts, files read from disk. */
export function newLoadContext(): LoadContext {
  const diags = new Diagnostics();
  const sources = new SourceStore();
  return { diags, sources, readText: (file, from) => readText(file, diags, sources, from) };
}
