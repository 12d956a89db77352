import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../src/diag/render.js';
import { renderCompile } from '../src/views/compile.js';
import { CASE_DIR, compileCase, compileCases, type CompileCase } from './support/compile-cases.js';

/**
 * Golden compiles: each `fixtures/compile/<case>/` compiles without errors to exactly its
 * `expected.yaml` (the case directory written as @CASE@), and gives exactly the warnings of
 * `warnings.txt` (`code file:line`, one per line; no file: none). `UPDATE_GOLDEN=1` rewrites the
 * goldens; review the diff before committing it: a golden is only as right as its review.
 */

const cases = compileCases('compile');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(c: CompileCase): { yaml: string; warnings: string } {
  const r = compileCase(c);
  const shown = r.diagnostics.map((d) =>
    renderDiagnostic(d, r.sources, { color: false, cwd: c.dir }),
  );
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => renderDiagnostic(d, r.sources, { color: false, cwd: c.dir }))).toEqual(
    [],
  );
  expect(r.graph, shown.join('\n')).toBeDefined();
  const yaml = renderCompile(r.graph!, { format: 'yaml', cwd: c.dir, files: [c.file] });
  const warnings = r.diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => `${d.code} ${d.loc ? `${path.relative(c.dir, d.loc.file)}:${d.loc.line}` : '-'}\n`)
    .join('');
  return { yaml: yaml.split(c.dir).join(CASE_DIR), warnings };
}

describe('golden compiles', () => {
  it('cover the cases the resolver promises', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'one-level',
        'three-levels',
        'nest-file-through-mounts',
        'relative-paths',
        'read-only-propagation',
        'named-volume',
        'port-conflicts',
        'port-ranges',
        'strict-ports',
        'same-inner-name',
        'depends-across-levels',
        'wait-modes',
        'socket-host',
        'path-map',
        'inner-files',
        'configs-secrets',
      ]),
    );
  });

  for (const c of cases) {
    it(c.name, () => {
      const got = golden(c);
      const yamlFile = path.join(c.dir, 'expected.yaml');
      const warnFile = path.join(c.dir, 'warnings.txt');
      if (update) {
        fs.writeFileSync(yamlFile, got.yaml);
        if (got.warnings) fs.writeFileSync(warnFile, got.warnings);
        else fs.rmSync(warnFile, { force: true });
      }
      expect(got.yaml).toBe(fs.readFileSync(yamlFile, 'utf8'));
      expect(got.warnings).toBe(fs.existsSync(warnFile) ? fs.readFileSync(warnFile, 'utf8') : '');
      expect(got.yaml.replace(/^#.*\n/gm, ''), 'no x-nest is left').not.toMatch(/x-nest/);
      // Deterministic: a second compile gives the same bytes.
      expect(golden(c).yaml).toBe(got.yaml);
    });
  }
});
