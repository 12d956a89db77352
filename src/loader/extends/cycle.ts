import path from 'node:path';
import type { SourceLoc } from '../../diag/diagnostic.js';

/**
 * Cycles of `extends` and `include` are printed the same way: `a → b → a`, starting at the
 * smallest node so that the same cycle gives the same message whichever node the walk met
 * first, with one related position per step.
 */
export interface CycleStep {
  /** How the node is printed (`web`, `web (base.yaml)`, `inc/compose.yaml`). */
  label: string;
  /** Order of nodes; the printed cycle starts at the smallest. */
  sortKey: string;
  /** The step from this node to the next: where it was written, and what it says. */
  loc?: SourceLoc;
  message: string;
}

/** The steps rotated to start at the smallest node. */
export function rotateCycle<T extends { sortKey: string }>(steps: readonly T[]): T[] {
  let start = 0;
  steps.forEach((s, i) => {
    if (s.sortKey < (steps[start] as T).sortKey) start = i;
  });
  return [...steps.slice(start), ...steps.slice(0, start)];
}

/** `a → b → a`. */
export function cycleText(steps: readonly CycleStep[]): string {
  return [...steps, steps[0] as CycleStep].map((s) => s.label).join(' → ');
}

/** A file as printed in a cycle: relative to the directory of the first file of the cycle. */
export function fileLabel(file: string, firstFile: string): string {
  return path.relative(path.dirname(firstFile), file) || path.basename(file);
}
