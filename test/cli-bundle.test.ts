import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

/**
 * The installed CLI runs from one bundled module (scripts/bundle-cli.mjs), built by
 * `npm run build` before the suite. These tests hold it to the two reasons it exists: it
 * behaves exactly as the sources do, and a command on a valid file loads no module beyond it
 * but Node's own and the generated schema validator (no ajv compiler, no `yaml`, no dockerode).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const BUNDLE = path.join(ROOT, 'dist/bin/nestc.mjs');
const EXAMPLE = path.join(ROOT, 'examples/ci-agent/compose.yaml');

/** Runs the bundle's `main` in a fresh process; returns its output and the CommonJS modules it loaded. */
function runBundle(args: string[]): { code: number; stdout: string; required: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(BUNDLE)});
    let stdout = '';
    const code = await main(${JSON.stringify(args)}, { stdout: (s) => (stdout += s), stderr: () => {} });
    const required = Object.keys(createRequire(import.meta.url).cache);
    process.stdout.write(JSON.stringify({ code, stdout, required }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(out) as { code: number; stdout: string; required: string[] };
}

describe('the bundled CLI', () => {
  it('compiles the example byte for byte as the sources do', async () => {
    const args = ['-f', EXAMPLE, 'compile', '--format', 'json'];
    const fromSources = await runCli(args, ROOT);
    const bundled = runBundle(args);
    expect(bundled.code).toBe(0);
    expect(fromSources.code).toBe(0);
    expect(bundled.stdout).toBe(fromSources.stdout);
  });

  it('loads neither ajv’s compiler nor yaml nor dockerode for a valid file', () => {
    // JSON: the YAML view may ask `yaml` whether a scalar like `1e3` needs quotes (lazily).
    const { code, required } = runBundle(['-f', EXAMPLE, 'compile', '--format', 'json']);
    expect(code).toBe(0);
    const packages = required
      .filter((f) => f.includes('/node_modules/'))
      .map((f) => f.slice(f.lastIndexOf('/node_modules/') + '/node_modules/'.length));
    // The generated validator needs one helper of ajv's runtime (which needs fast-deep-equal).
    const runtime = (p: string): boolean =>
      p.startsWith('ajv/dist/runtime/') || p.startsWith('fast-deep-equal/');
    expect(packages.filter((p) => !runtime(p))).toEqual([]);
    expect(required.some((f) => f.endsWith('nestfile-validator.cjs'))).toBe(true);
  });

  it('imports nothing statically but Node’s built-ins', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    const statement =
      /(?:^|[;}\n])import\s*(?:\{[^}]*\}|\*\s*as\s*[\w$]+|[\w$]+)(?:\s*,\s*\{[^}]*\})?\s*from\s*["']([^"']+)["']/g;
    const specifiers = [...text.matchAll(statement)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s?.startsWith('node:'))).toEqual([]);
  });
});
