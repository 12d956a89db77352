import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './support/run-cli.js';

describe('nestc CLI', () => {
  it('prints its version from package.json', async () => {
    const { code, stdout } = await runCli(['--version'], process.cwd());
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('has help with an example for the program and every command', async () => {
    const top = await runCli(['--help'], process.cwd());
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Examples:');
    const commands = [...top.stdout.matchAll(/^ {2}(\w[\w-]*)(?: \[options\])?/gm)]
      .map((m) => m[1])
      .filter((c) => c !== 'help');
    expect(commands).toContain('config');
    for (const c of commands) {
      const h = await runCli([c as string, '--help'], process.cwd());
      expect(h.code, c).toBe(0);
      expect(h.stdout, c).toMatch(/Examples?:\n\s+\$ nestc/);
    }
  });

  it('exits 64 on an unknown option or command, with commander’s message', async () => {
    const bad = await runCli(['config', '--nope'], process.cwd());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain("unknown option '--nope'");
    expect((await runCli(['frobnicate'], process.cwd())).code).toBe(64);
  });

  it('prints the normalized model of a valid file and exits 0', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const { code, stdout, stderr } = await runCli(['config'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('image: nginx');
  });

  it('reports a user error with file:line:col, code frame and code, without a stack trace', async () => {
    const dir = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n',
    });
    const { code, stdout, stderr } = await runCli(['config', '--no-color'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('error[yaml-duplicate-key]');
    expect(stderr).toContain('--> compose.yaml:4:5');
    expect(stderr).toMatch(/4 \| {5}image: b\n\s+\| {5}\^/);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(stderr).not.toContain('\u001b[');
  });

  it('prints diagnostics as JSON with --json', async () => {
    const dir = tempProject({ 'compose.yaml': 'services:\n  web:\n    image: a\n    image: b\n' });
    const { code, stdout } = await runCli(['config', '--json'], dir);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as {
      version: number;
      diagnostics: { code: string; line: number; column: number }[];
    };
    expect(doc.version).toBe(1);
    expect(doc.diagnostics[0]).toMatchObject({ code: 'yaml-duplicate-key', line: 4, column: 5 });
  });

  it('says file-not-found for a missing -f file', async () => {
    const dir = tempProject({});
    const { code, stderr } = await runCli(['-f', 'nope.yaml', 'config'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/error\[(file-not-found|project-no-file)\]/);
  });
});
