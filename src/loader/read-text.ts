import { readFileSync, statSync } from 'node:fs';
import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import type { SourceStore } from '../diag/source-store.js';

const DECODER = new TextDecoder('utf-8', { fatal: true });

/**
 * Read a file as UTF-8 text, as Compose requires, recording it for code frames. A BOM is
 * dropped. Failures become diagnostics at `from`, the entry that named the file.
 */
export function readText(
  file: string,
  diags: Diagnostics,
  sources: SourceStore,
  from?: SourceLoc,
): string | undefined {
  const cached = sources.get(file);
  if (cached !== undefined) return cached;
  let buf: Buffer;
  try {
    if (statSync(file).isDirectory()) {
      diags.error('file-is-directory', `${file} is a directory, not a file`, from);
      return undefined;
    }
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      diags.error('file-not-found', `file not found: ${file}`, from);
    } else {
      diags.error('file-unreadable', `cannot read ${file}: ${(e as Error).message}`, from);
    }
    return undefined;
  }
  let text: string;
  try {
    text = DECODER.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    diags.error(
      'file-encoding',
      `${file} is not valid UTF-8 (first bad byte at offset ${at})`,
      from ?? { file, line: lineOf(buf, at), col: 1 },
      { hint: 'save the file as UTF-8' },
    );
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  sources.set(file, text);
  return text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (n < 0) return i;
    for (let j = 1; j <= n; j++) {
      const c = buf[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return i;
}

function lineOf(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 10) line++;
  return line;
}
