import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../../diag/diagnostic.js';

/** Compose's file names, in its order of preference (compose-go `DefaultFileNames`). */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
] as const;

/** Override names, in Compose's order (note `.yml` first here, unlike the main names). */
export const OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
] as const;

/**
 * Find the Compose file as `docker compose` does when neither `-f` nor `COMPOSE_FILE` is set:
 * walk from `start` up to the root and stop at the first directory holding a file with one of
 * the supported names; add that directory's override file when there is one. Several
 * candidates in one directory: the first in Compose's order wins, with a warning, because a
 * stray `docker-compose.yml` beside `compose.yaml` is a common source of "my change is ignored".
 * Returns an empty list when nothing is found (the caller reports it).
 */
export function discoverFiles(start: string, diags: Diagnostics): string[] {
  let dir = start;
  for (;;) {
    const found = existing(dir, COMPOSE_FILE_NAMES);
    const main = found[0];
    if (main !== undefined) {
      warnIfSeveral(found, 'Compose files', diags);
      const overrides = existing(dir, OVERRIDE_FILE_NAMES);
      warnIfSeveral(overrides, 'override files', diags);
      return overrides[0] === undefined ? [main] : [main, overrides[0]];
    }
    const parent = path.dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}

/** Paths in `dir` that exist, in the order of `names` (Compose checks with a plain stat). */
function existing(dir: string, names: readonly string[]): string[] {
  return names.map((n) => path.join(dir, n)).filter((f) => statSync(f, { throwIfNoEntry: false }));
}

function warnIfSeveral(found: string[], what: string, diags: Diagnostics): void {
  if (found.length < 2) return;
  diags.warn(
    'project-multiple-files',
    `found several ${what} with supported names in ${path.dirname(found[0] as string)}; using ${path.basename(found[0] as string)}`,
    undefined,
    {
      detail: `candidates, in Compose's order: ${found.map((f) => path.basename(f)).join(', ')}`,
      hint: 'remove the files you do not use, or choose one with -f',
    },
  );
}
