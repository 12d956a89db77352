import type { Diagnostic } from '../diag/diagnostic.js';
import { diagnosticsToJson, renderDiagnostic } from '../diag/render.js';
import type { SourceStore } from '../diag/source-store.js';

/** Where a command writes, and how: the one place that knows about the terminal. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
  json: boolean;
  cwd: string;
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or `--no-color`. */
export function useColor(noColorFlag: boolean, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

/**
 * Print diagnostics: human form on stderr, or the JSON document on stdout with `--json`
 * (so that `nestc config --json > out.json` never mixes the two streams).
 */
export function printDiagnostics(io: Io, diags: Diagnostic[], sources: SourceStore): void {
  if (io.json) {
    io.stdout(JSON.stringify(diagnosticsToJson(diags), null, 2) + '\n');
    return;
  }
  if (diags.length === 0) return;
  const blocks = diags.map((d) => renderDiagnostic(d, sources, { color: io.color, cwd: io.cwd }));
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  const tally = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  io.stderr(blocks.join('\n\n') + '\n\n' + tally + '\n');
}
