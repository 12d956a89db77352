import type { Engine } from '../../engine/engine.js';
import { BARE_HOST } from '../../apply/execute/execute-test-plan.js';
import { main } from '../main.js';
import type { EngineDeps } from './engine-deps.js';

/**
 * Run nestc in-process as `main` does, against `engine` (usually a MemoryEngine) on a machine
 * that is not a container and has an empty environment; stdout is not a terminal unless `tty`
 * says so. For the engine commands' tests (never built into dist/: `*-test-*`).
 */
export async function runEngineCli(
  args: string[],
  engine: Engine | (() => Engine),
  deps: Partial<EngineDeps> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['--no-color', ...args],
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) },
    {
      engine: typeof engine === 'function' ? engine : () => engine,
      host: () => BARE_HOST,
      stdoutTty: () => false,
      columns: () => 100,
      term: () => 'xterm',
      ...deps,
    },
  );
  return { code, stdout, stderr };
}
