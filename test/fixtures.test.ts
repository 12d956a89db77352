import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../src/diag/diagnostic.js';
import { renderDiagnostic } from '../src/diag/render.js';
import { loadProject, type LoadResult } from '../src/loader/load.js';
import { renderConfig } from '../src/views/config.js';
import { declaredCodes } from './support/code-tables.js';
import { errorMarkers, type ErrorMarker } from './support/error-markers.js';
import { caseYamlFiles, fixtureCases, type FixtureCase } from './support/fixture-cases.js';

/**
 * One test per fixture. Valid fixtures load with no error and render; each invalid fixture
 * yields exactly the errors its `# ERROR: <code>` markers announce, at their file and line.
 * A 0-byte file cannot hold a marker: it expects `yaml-empty` at line 1.
 */

const valid = fixtureCases('valid');
const invalid = fixtureCases('invalid');

function load(c: FixtureCase): LoadResult {
  return loadProject({ files: c.files, cwd: c.dir, env: c.env });
}

const errorsOf = (r: LoadResult): Diagnostic[] =>
  r.diagnostics.filter((d) => d.severity === 'error');

/** Diagnostics as the CLI prints them, so a failing test shows what the user would see. */
function show(r: LoadResult, ds: Diagnostic[]): string {
  return ds
    .map((d) => renderDiagnostic(d, r.sources, { color: false, cwd: process.cwd() }))
    .join('\n');
}

function expectedMarkers(c: FixtureCase): ErrorMarker[] {
  return caseYamlFiles(c).flatMap((f) =>
    fs.statSync(f).size === 0 ? [{ file: f, line: 1, code: 'yaml-empty' }] : errorMarkers(f),
  );
}

describe('valid fixtures', () => {
  it('exist', () => expect(valid.length).toBeGreaterThan(40));

  for (const c of valid) {
    it(`${c.name} loads without errors and renders`, () => {
      const r = load(c);
      const errors = errorsOf(r);
      expect(errors, show(r, errors)).toEqual([]);
      expect(r.project).toBeDefined();
      const yaml = renderConfig(r.project!, 'yaml');
      const json = renderConfig(r.project!, 'json');
      expect(yaml).toMatch(/^name: /);
      // Both formats print the same model, and printing is deterministic.
      expect(parse(yaml)).toEqual(JSON.parse(json));
      expect(renderConfig(load(c).project!, 'yaml')).toBe(yaml);
    });
  }
});

describe('the normalized form is a fixed point', () => {
  // nestc reading its own output gets the same project back: the printed file loses nothing and
  // needs no further normalization (relative paths are already absolute, `$` is escaped, ...).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nestc-fixpoint-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const c of valid) {
    it(`${c.name}`, () => {
      const first = load(c).project;
      expect(first).toBeDefined();
      const text = renderConfig(first!, 'yaml');
      const dir = fs.mkdtempSync(path.join(tmp, `${c.name}-`));
      fs.writeFileSync(path.join(dir, 'compose.yaml'), text);
      const again = loadProject({ files: ['compose.yaml'], cwd: dir, env: c.env });
      const errors = errorsOf(again);
      expect(errors, show(again, errors)).toEqual([]);
      expect(renderConfig(again.project!, 'yaml')).toBe(text);
    });
  }
});

describe('invalid fixtures', () => {
  it('exist and every one announces at least one error', () => {
    expect(invalid.length).toBeGreaterThan(10);
    for (const c of invalid) expect(expectedMarkers(c), c.name).not.toEqual([]);
  });

  for (const c of invalid) {
    it(`${c.name} reports exactly its marked errors`, () => {
      const r = load(c);
      const errors = errorsOf(r);
      const markers = expectedMarkers(c);
      expect(r.project, 'a project despite errors').toBeUndefined();
      for (const m of markers) {
        const hit = errors.find(
          (d) => d.code === m.code && d.loc?.file === m.file && d.loc.line === m.line,
        );
        expect(hit, `${m.code} at ${m.file}:${m.line}; got:\n${show(r, errors)}`).toBeDefined();
      }
      const announced = new Set(markers.map((m) => m.code));
      const unexpected = errors.filter((d) => !announced.has(d.code));
      expect(unexpected, show(r, unexpected)).toEqual([]);
    });
  }
});

describe('diagnostic codes', () => {
  it('every marker names a declared code', async () => {
    const declared = await declaredCodes();
    const undeclared = invalid
      .flatMap(expectedMarkers)
      .filter((m) => !declared.has(m.code))
      .map((m) => `${m.code} (${m.file}:${m.line})`);
    expect(undeclared).toEqual([]);
  });

  it('every code the fixtures make nestc emit is declared', async () => {
    const declared = await declaredCodes();
    const emitted = new Set(
      [...valid, ...invalid].flatMap((c) => load(c).diagnostics.map((d) => d.code)),
    );
    expect([...emitted].filter((code) => !declared.has(code)).sort()).toEqual([]);
  });
});
