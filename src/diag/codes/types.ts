/**
 * Every diagnostic code is declared once, with what it means and how to fix it. The tables are
 * the source of docs/errors.md and a test checks that every code nestc emits is declared here, so
 * a code users match on in CI cannot appear or change silently.
 */
export interface CodeInfo {
  /** What went wrong, in one sentence. */
  meaning: string;
  /** What the user can do about it. */
  fix: string;
}

export type CodeTable = Readonly<Record<string, CodeInfo>>;
