import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diag/diagnostic.js';
import { renderDiagnostic } from '../src/diag/render.js';
import type { CompileResult } from '../src/resolve/compile.js';
import { declaredCodes } from './support/code-tables.js';
import { compileCase, compileCases, type CompileCase } from './support/compile-cases.js';
import { errorMarkers, type ErrorMarker } from './support/error-markers.js';

/**
 * Resolver error fixtures (terraform's convention): every `# ERROR: <code>` marker in a case's
 * YAML files is an error the compile must report at that file and line, and no other error may
 * appear. No graph may come out of a compile with errors.
 */

const cases = compileCases('compile-invalid');

function markers(c: CompileCase): ErrorMarker[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  if (path.dirname(c.file) === c.dir && path.basename(c.file) === 'compose.yaml') walk(c.dir);
  else files.push(c.file);
  return files.sort().flatMap(errorMarkers);
}

const show = (r: CompileResult, ds: Diagnostic[]): string =>
  ds.map((d) => renderDiagnostic(d, r.sources, { color: false, cwd: process.cwd() })).join('\n');

describe('resolver error fixtures', () => {
  it('exist, and each announces at least one error with a declared code', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const declared = await declaredCodes();
    for (const c of cases) {
      const ms = markers(c);
      expect(ms, c.name).not.toEqual([]);
      for (const m of ms) expect(declared.has(m.code), `${m.code} in ${c.name}`).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.name} reports exactly its marked errors`, () => {
      const r = compileCase(c);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(r.graph, 'a graph despite errors').toBeUndefined();
      for (const m of markers(c)) {
        const hit = errors.find(
          (d) => d.code === m.code && d.loc?.file === m.file && d.loc.line === m.line,
        );
        expect(hit, `${m.code} at ${m.file}:${m.line}; got:\n${show(r, errors)}`).toBeDefined();
      }
      const announced = new Set(markers(c).map((m) => m.code));
      const unexpected = errors.filter((d) => !announced.has(d.code));
      expect(unexpected, show(r, unexpected)).toEqual([]);
    });
  }
});
