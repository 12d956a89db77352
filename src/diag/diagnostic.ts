/**
 * Diagnostics are data, not exceptions (terraform's tfdiags): every stage collects them and
 * returns, so a file with five mistakes is reported once with all five, and only bugs throw.
 */

/** A 1-based position in a source file; `end*` is exclusive when present. */
export interface SourceLoc {
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable, documented identifier (`yaml-duplicate-key`); tests and CI match on it. */
  code: string;
  severity: Severity;
  /** One line, plain words, no trailing period. */
  summary: string;
  /** Optional longer explanation, printed under the code frame. */
  detail?: string;
  /** What the user can do about it. */
  hint?: string;
  /** Where it happened; absent only for problems that belong to no file (a missing file). */
  loc?: SourceLoc;
  /** Other places that matter (the first declaration of a duplicate, each step of a cycle). */
  related?: { message: string; loc?: SourceLoc }[];
}

/** Optional parts of a diagnostic, for the helpers below. */
export type DiagnosticExtra = Pick<Diagnostic, 'detail' | 'hint' | 'related'>;

/**
 * An append-only collection that stages share. Order of insertion is kept so output is
 * deterministic; `sorted()` gives file/line order for display.
 */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(code: string, summary: string, loc?: SourceLoc, extra?: DiagnosticExtra): void {
    this.items.push({ code, severity: 'error', summary, ...(loc ? { loc } : {}), ...extra });
  }

  warn(code: string, summary: string, loc?: SourceLoc, extra?: DiagnosticExtra): void {
    this.items.push({ code, severity: 'warning', summary, ...(loc ? { loc } : {}), ...extra });
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  /** Stable display order: by file, line, column, then insertion. */
  sorted(): Diagnostic[] {
    return this.items
      .map((d, i) => ({ d, i }))
      .sort((a, b) => compareDiag(a.d, b.d) || a.i - b.i)
      .map((x) => x.d);
  }
}

function compareDiag(a: Diagnostic, b: Diagnostic): number {
  const fa = a.loc?.file ?? '';
  const fb = b.loc?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0);
}

/**
 * Thrown only to abort a stage early when continuing would produce noise (e.g. a file that is
 * not YAML). The diagnostics it carries are already in the collection; the pipeline catches it.
 */
export class StageAbort extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'StageAbort';
  }
}
