import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from './support/fixture-cases.js';

const BIN = path.resolve(import.meta.dirname, '../bin/nestc.js');

/**
 * Every invalid fixture through the built command, as a user meets it: exit code 1, each error
 * with its stable code, `file:line:col`, a code frame with a caret, and never a stack trace.
 * (Needs `npm run build`; scripts/test.sh builds first.)
 */
describe('nestc config on invalid input', () => {
  for (const c of fixtureCases('invalid')) {
    it(c.name, async () => {
      const args = [BIN, ...c.files.flatMap((f) => ['-f', f]), 'config', '--no-color'];
      const res = await execa('node', args, {
        cwd: c.dir,
        env: { ...c.env, PATH: process.env.PATH ?? '' },
        extendEnv: false,
        reject: false,
      });
      expect(res.exitCode, res.stderr).toBe(1);
      expect(res.stdout).toBe('');
      const errors = [...res.stderr.matchAll(/^error\[([a-z0-9-]+)\]: .+$/gm)];
      expect(errors.length, res.stderr).toBeGreaterThan(0);
      // Each error block names a position and, where the file has that line, shows it.
      for (const block of res.stderr.split(/\n(?=error\[|warning\[)/)) {
        if (!block.startsWith('error[')) continue;
        expect(block, block).toMatch(/\n {2}--> [^\n]+:\d+:\d+\n/);
        if (!/the file is empty|holds no YAML/.test(block)) expect(block).toMatch(/\n\s+\| *\^+/);
      }
      expect(res.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+\)?\n/);
    });
  }
});
