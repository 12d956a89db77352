import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import type { SourceStore } from '../diag/source-store.js';

/** Variables for interpolation: the process environment over the `.env` file(s). */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a caller (the CLI, or `load()` users) can set; everything else has Compose's defaults. */
export interface LoadOptions {
  /** `-f`, in order; relative to `cwd`. Empty: `COMPOSE_FILE`, else discovery as Compose does. */
  files?: string[];
  /** `-p`. */
  projectName?: string;
  /** `--project-directory`; default: the directory of the first file. */
  projectDirectory?: string;
  /** `--profile`; when given, replaces `COMPOSE_PROFILES` (as in Compose). */
  profiles?: string[];
  /** `--env-file`, repeatable; replaces the project's `.env`. */
  envFiles?: string[];
  /** The process environment; default `process.env`. */
  env?: Env;
  /** Working directory for relative `-f` and discovery; default `process.cwd()`. */
  cwd?: string;
}

/**
 * Shared state of one load: where diagnostics go, where file texts are kept for code frames,
 * and the one way stages read files (so every read is recorded and decoded the same way).
 */
export interface LoadContext {
  readonly diags: Diagnostics;
  readonly sources: SourceStore;
  /**
   * Read a UTF-8 text file. On failure adds a located diagnostic (`file-not-found`,
   * `file-unreadable`, `file-encoding`) pointing at `from` (the entry that named the file) and
   * returns undefined.
   */
  readText(path: string, from?: SourceLoc): string | undefined;
}
