import fs from 'node:fs';

/** One `# ERROR: <code>` marker: the error a fixture expects, and where. */
export interface ErrorMarker {
  file: string;
  /** 1-based line of the marker, which is the offending line. */
  line: number;
  code: string;
}

const MARKER = /#\s*ERROR:\s*([a-z0-9][a-z0-9-]*)/g;

/**
 * Markers of one file (terraform's convention: the expected error sits on the offending line).
 * Several markers may share a line, for two errors on one line.
 */
export function errorMarkers(file: string): ErrorMarker[] {
  const out: ErrorMarker[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((text, i) => {
    for (const m of text.matchAll(MARKER)) out.push({ file, line: i + 1, code: m[1]! });
  });
  return out;
}
