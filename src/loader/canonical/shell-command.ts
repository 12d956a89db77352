import type { SourceLoc } from '../../diag/diagnostic.js';
import { getLoc } from '../../model/locations.js';
import { putFrom, replaceAt } from './located.js';
import { shellSplit } from './shellwords.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `command`, `entrypoint` (and hook commands): a string becomes the list of words Compose would
 * pass to the engine (./shellwords.ts). A list is kept; `null` is kept (no override). Every word
 * carries the string's position.
 */
export function shellCommand(site: Site): void {
  const v = valueAt(site);
  if (typeof v !== 'string') return;
  const loc = (): SourceLoc | undefined => getLoc(site.parent, site.key);
  const where = () => sitePath(site);
  const split = shellSplit(v);
  if (!split.ok) {
    site.diags.error(
      'command-invalid',
      `${where()}: cannot split "${v}" into words: ${split.message}`,
      loc(),
      {
        hint: 'write the command as a list, e.g. ["sh", "-c", "..."]',
      },
    );
    return;
  }
  if (split.cutAt !== undefined) {
    const ch = v.slice(split.cutAt, split.cutAt + 1);
    site.diags.warn(
      'command-truncated',
      `${where()}: Compose ignores everything from the unquoted "${ch}" on: "${v.slice(split.cutAt)}"`,
      loc(),
      { hint: `run it through a shell: ["sh", "-c", ${JSON.stringify(v)}]` },
    );
  }
  const words: string[] = [];
  const w = split.words;
  for (let i = 0; i < w.length; i++) putFrom(words, i, w[i], site.parent, site.key);
  replaceAt(site.parent, site.key, words);
}
