import { main } from '../../src/cli/main.js';

export { tempProject } from './temp-project.js';

/** Run the CLI in-process from `cwd`; returns exit code and what it wrote. */
export async function runCli(
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(args, {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(prev);
  }
}
