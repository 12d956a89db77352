import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { normalizeProjectName, projectName } from './project-name.js';
import type { ProjectSetup } from './project-setup.js';
import { readYaml } from './read-yaml.js';

function name(setup: Partial<ProjectSetup>, yaml = 'services: {}\n') {
  const diags = new Diagnostics();
  const model = readYaml(yaml, 'compose.yaml', diags).docs[0] as RawModel;
  const full: ProjectSetup = {
    files: [],
    projectDir: '/work/My App',
    env: {},
    profiles: [],
    ...setup,
  };
  return { name: projectName(full, model, diags), diags: diags.items };
}

describe('projectName', () => {
  it('uses -p, then COMPOSE_PROJECT_NAME, then name:, then the directory', () => {
    const yaml = 'name: fromfile\nservices: {}\n';
    expect(name({ explicitName: { value: 'flag', from: 'flag' } }, yaml).name).toBe('flag');
    expect(name({ explicitName: { value: 'env', from: 'env' } }, yaml).name).toBe('env');
    expect(name({}, yaml).name).toBe('fromfile');
    expect(name({ projectDir: '/srv/shop' }).name).toBe('shop');
  });

  it('normalizes a name derived from the directory', () => {
    expect(name({ projectDir: '/work/My App' })).toEqual({ name: 'myapp', diags: [] });
    expect(name({ projectDir: '/work/_Front.End-2' }).name).toBe('frontend-2');
  });

  it('rejects an invalid -p or COMPOSE_PROJECT_NAME with the rule in the hint', () => {
    const r = name({ explicitName: { value: 'MyApp', from: 'flag' } });
    expect(r.name).toBeUndefined();
    expect(r.diags).toEqual([
      expect.objectContaining({
        code: 'project-name-invalid',
        severity: 'error',
        summary: expect.stringContaining('-p'),
        hint: expect.stringContaining('lowercase letters, digits, dashes and underscores'),
      }),
    ]);
    const e = name({ explicitName: { value: '-dash', from: 'env' } });
    expect(e.diags[0]).toMatchObject({
      code: 'project-name-invalid',
      summary: expect.stringContaining('COMPOSE_PROJECT_NAME'),
    });
  });

  it('normalizes name: as Compose does, with a warning located at name:', () => {
    const r = name({}, 'services: {}\nname: My.App\n');
    expect(r.name).toBe('myapp');
    expect(r.diags).toEqual([
      expect.objectContaining({
        code: 'project-name-normalized',
        severity: 'warning',
        loc: expect.objectContaining({ file: 'compose.yaml', line: 2, col: 7 }),
      }),
    ]);
  });

  it('reports a name: with no valid character at name:', () => {
    const r = name({}, 'name: "..."\nservices: {}\n');
    expect(r.name).toBeUndefined();
    expect(r.diags[0]).toMatchObject({ code: 'project-name-empty', loc: { line: 1 } });
  });

  it('reports a directory name with no valid character', () => {
    const r = name({ projectDir: '/work/___' });
    expect(r.name).toBeUndefined();
    expect(r.diags[0]).toMatchObject({ code: 'project-name-empty', severity: 'error' });
  });
});

describe('normalizeProjectName', () => {
  it('lowercases, drops characters outside [a-z0-9_-] and leading - and _', () => {
    expect(normalizeProjectName('Hello World!')).toBe('helloworld');
    expect(normalizeProjectName('--a_b-c')).toBe('a_b-c');
    expect(normalizeProjectName('1st.Try')).toBe('1sttry');
    expect(normalizeProjectName('Ünïcödé')).toBe('ncd');
  });
});
