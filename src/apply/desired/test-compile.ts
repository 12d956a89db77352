import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileProject } from '../../resolve/compile.js';
import type { FlatGraph } from '../../resolve/types.js';
import type { DesiredContainer } from '../types.js';
import {
  desiredState,
  type DesiredStateOptions,
  type DesiredStateResult,
} from './desired-state.js';

/** The nestfile name the tests write; diagnostics point into it. */
export const TEST_NESTFILE = 'compose.yaml';

/** A compiled test project: the flat graph, and the directory its nestfile was written to. */
export interface CompiledYaml {
  graph: FlatGraph;
  dir: string;
  file: string;
}

/**
 * Compile inline YAML through the real pipeline (written to a fresh temp dir, then
 * `compileProject`), so the desired-state tests see exactly what `up` will: normalized values
 * with their source positions. Throws when the compile fails, naming the diagnostics.
 */
export function compileYaml(yaml: string, files: Record<string, string> = {}): CompiledYaml {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-desired-'));
  const file = path.join(dir, TEST_NESTFILE);
  writeFileSync(file, yaml);
  for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
  const r = compileProject({ files: [file], cwd: dir, env: {} });
  if (!r.graph) {
    const msgs = r.diagnostics.map((d) => `${d.code}: ${d.summary}`).join('\n');
    throw new Error(`test nestfile does not compile:\n${msgs}`);
  }
  return { graph: r.graph, dir, file };
}

/** Compile inline YAML and map it: the desired state (when no error) and every diagnostic. */
export function desiredOf(
  yaml: string,
  options: DesiredStateOptions = {},
  files: Record<string, string> = {},
): CompiledYaml & DesiredStateResult {
  const compiled = compileYaml(yaml, files);
  return { ...compiled, ...desiredState(compiled.graph, options) };
}

/** The desired container named `name`; throws when there is none (a test bug or a real one). */
export function containerOf(r: DesiredStateResult, name: string): DesiredContainer {
  const c = r.state?.containers.find((x) => x.name === name);
  if (!c) {
    const msgs = r.diagnostics.map((d) => `${d.code}: ${d.summary}`).join('\n');
    throw new Error(`no desired container "${name}"\n${msgs}`);
  }
  return c;
}

/** 1-based line and column of the first occurrence of `needle` in `text` (for expected locations). */
export function positionOf(text: string, needle: string): { line: number; col: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the test YAML`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}
