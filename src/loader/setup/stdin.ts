import { readFileSync } from 'node:fs';
import type { LoadContext } from '../context.js';
import { STDIN } from './select-files.js';

/**
 * Make `-f -` readable by the ordinary file stages: read standard input once and store it in
 * the source store under the name `-`, where `readText` finds it before touching the disk.
 * A caller (or a test) that already stored a text under `-` is left alone.
 */
export function captureStdin(files: readonly string[], ctx: LoadContext): boolean {
  if (!files.includes(STDIN) || ctx.sources.get(STDIN) !== undefined) return true;
  try {
    ctx.sources.set(STDIN, readFileSync(0, 'utf8').replace(/^\uFEFF/, ''));
    return true;
  } catch (e) {
    ctx.diags.error(
      'file-unreadable',
      `cannot read the Compose file from standard input: ${(e as Error).message}`,
    );
    return false;
  }
}
