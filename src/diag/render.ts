import path from 'node:path';
import type { Diagnostic, SourceLoc } from './diagnostic.js';
import type { SourceStore } from './source-store.js';

export interface RenderOptions {
  color: boolean;
  /** Paths are shown relative to this directory when they lie below it. */
  cwd: string;
}

const ANSI = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

/**
 * Human view of one diagnostic, in the shape users know from rustc and tsc:
 *
 *   error[yaml-duplicate-key]: duplicate key "image"
 *     --> compose.yaml:4:5
 *      |
 *    4 |     image: nginx
 *      |     ^^^^^
 *      = hint: ...
 */
export function renderDiagnostic(d: Diagnostic, sources: SourceStore, opts: RenderOptions): string {
  const c = (code: keyof typeof ANSI, s: string): string =>
    opts.color ? `${ANSI[code]}${s}${ANSI.reset}` : s;
  const sevColor = d.severity === 'error' ? 'red' : 'yellow';
  const out: string[] = [];
  out.push(`${c(sevColor, c('bold', `${d.severity}[${d.code}]`))}${c('bold', `: ${d.summary}`)}`);
  if (d.loc) {
    out.push(`  ${c('blue', '-->')} ${formatLoc(d.loc, opts.cwd)}`);
    const frame = codeFrame(d.loc, sources, opts, c);
    if (frame) out.push(frame);
  }
  if (d.detail) for (const line of d.detail.split('\n')) out.push(`   ${c('blue', '=')} ${line}`);
  for (const r of d.related ?? []) {
    out.push(`   ${c('blue', '=')} ${r.message}${r.loc ? ` (${formatLoc(r.loc, opts.cwd)})` : ''}`);
  }
  if (d.hint) out.push(`   ${c('blue', '=')} hint: ${d.hint}`);
  return out.join('\n');
}

/** `file:line:col`, with the file relative to cwd when it lies below it. */
export function formatLoc(loc: SourceLoc, cwd: string): string {
  return `${displayPath(loc.file, cwd)}:${loc.line}:${loc.col}`;
}

export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function codeFrame(
  loc: SourceLoc,
  sources: SourceStore,
  opts: RenderOptions,
  c: (code: keyof typeof ANSI, s: string) => string,
): string | undefined {
  const text = sources.get(loc.file);
  if (text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  const lineText = lines[loc.line - 1];
  if (lineText === undefined) return undefined;
  const gutter = String(loc.line).length;
  const pad = ' '.repeat(gutter);
  const shown = lineText.replace(/\t/g, ' ');
  const start = Math.max(1, loc.col);
  let width = 1;
  if (loc.endLine === loc.line && loc.endCol !== undefined && loc.endCol > start) {
    width = loc.endCol - start;
  } else if (loc.endLine !== undefined && loc.endLine > loc.line) {
    width = Math.max(1, shown.length - start + 1);
  }
  width = Math.max(1, Math.min(width, Math.max(1, shown.length - start + 1)));
  const caret = ' '.repeat(start - 1) + '^'.repeat(width);
  return [
    ` ${pad} ${c('blue', '|')}`,
    ` ${c('blue', String(loc.line))} ${c('blue', '|')} ${shown}`,
    ` ${pad} ${c('blue', '|')} ${c(opts.color ? 'red' : 'bold', caret)}`,
  ].join('\n');
}

/** JSON view for CI: a stable, documented shape (see docs/diagnostics.md). */
export function diagnosticsToJson(diags: Diagnostic[]): object {
  return {
    version: 1,
    diagnostics: diags.map((d) => ({
      code: d.code,
      severity: d.severity,
      summary: d.summary,
      ...(d.detail ? { detail: d.detail } : {}),
      ...(d.hint ? { hint: d.hint } : {}),
      ...(d.loc ? { file: d.loc.file, line: d.loc.line, column: d.loc.col } : {}),
      ...(d.related ? { related: d.related } : {}),
    })),
  };
}
