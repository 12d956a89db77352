/**
 * Process exit codes, documented in docs/cli.md. They are part of the interface: CI scripts
 * branch on them, so they never change meaning.
 */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The input (files, flags' values, environment) has errors; diagnostics say where. */
  userError: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 64,
  /** A bug in nestc: an exception no stage should throw. */
  internal: 70,
} as const;
