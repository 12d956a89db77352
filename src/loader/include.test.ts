import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../../test/support/temp-project.js';
import type { RawModel } from '../model/compose.js';
import type { Env } from './context.js';
import { applyInclude } from './include.js';
import { loadFile } from './load-file.js';
import { newLoadContext } from './new-context.js';

const tree = (files: Record<string, string>): string => tempProject(files, 'nestc-include-');

/** Load `compose.yaml` of `dir` and apply its includes with `env` as the project environment. */
function load(dir: string, env: Env = {}) {
  const ctx = newLoadContext();
  const { diags } = ctx;
  const file = path.join(dir, 'compose.yaml');
  const model = loadFile(file, env, ctx) as RawModel;
  expect(diags.items).toEqual([]);
  applyInclude(model, { files: [file], projectDir: dir, env, profiles: [] }, ctx);
  const services = (model.services ?? {}) as Record<string, Record<string, unknown>>;
  return { model, services, diags: diags.items, file };
}

describe('applyInclude', () => {
  it('adds the included resources and removes include', () => {
    const dir = tree({
      'compose.yaml': 'include: [inc/compose.yaml]\nservices:\n  web: {image: web}\n',
      'inc/compose.yaml':
        'services:\n  db:\n    image: pg\n    build: {context: ./db}\nvolumes:\n  data: {}\n',
    });
    const { model, services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(model.include).toBeUndefined();
    expect(Object.keys(services)).toEqual(['web', 'db']);
    expect(services.db?.build).toMatchObject({ context: path.join(dir, 'inc/db') });
    expect(model.volumes).toEqual({ data: {} });
  });

  it("uses the included project's .env, under the including environment", () => {
    const dir = tree({
      'compose.yaml': 'include: [inc/compose.yaml]\nservices: {}\n',
      'inc/.env': 'IMG=fromdotenv\nTAG=fromdotenv\n',
      'inc/compose.yaml': 'services:\n  db:\n    image: ${IMG}:${TAG}\n',
    });
    const { services, diags } = load(dir, { TAG: 'fromhost' });
    expect(diags).toEqual([]);
    expect(services.db?.image).toBe('fromdotenv:fromhost');
  });

  it('reads env_file relative to the including project, instead of .env', () => {
    const dir = tree({
      'compose.yaml':
        'include:\n  - path: [inc/compose.yaml]\n    env_file: [custom.env]\nservices: {}\n',
      'custom.env': 'IMG=custom\n',
      'inc/.env': 'IMG=dotenv\n',
      'inc/compose.yaml': 'services:\n  db:\n    image: ${IMG}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.db?.image).toBe('custom');
  });

  it('reports a missing env_file where it is written', () => {
    const dir = tree({
      'compose.yaml':
        'include:\n  - path: [inc/compose.yaml]\n    env_file: [nope.env]\nservices: {}\n',
      'inc/compose.yaml': 'services:\n  db: {image: a}\n',
    });
    const { diags, file } = load(dir);
    expect(diags).toMatchObject([{ code: 'file-not-found', loc: { file, line: 3 } }]);
  });

  it('resolves paths against project_directory when given', () => {
    const dir = tree({
      'compose.yaml':
        'include:\n  - path: [inc/compose.yaml]\n    project_directory: other\nservices: {}\n',
      'inc/compose.yaml': 'services:\n  db:\n    build: {context: ./ctx}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.db?.build).toMatchObject({ context: path.join(dir, 'other/ctx') });
  });

  it('merges the paths of one entry in order', () => {
    const dir = tree({
      'compose.yaml': 'include:\n  - path: [inc/compose.yaml, inc/override.yaml]\nservices: {}\n',
      'inc/compose.yaml': 'services:\n  db: {image: a, user: root}\n',
      'inc/override.yaml': 'services:\n  db: {image: b}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.db).toEqual({ image: 'b', user: 'root' });
  });

  it('applies includes of included files', () => {
    const dir = tree({
      'compose.yaml': 'include: [a/compose.yaml]\nservices: {}\n',
      'a/compose.yaml': 'include: [../b/compose.yaml]\nservices:\n  a: {image: a}\n',
      'b/compose.yaml': 'services:\n  b:\n    build: {context: .}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(Object.keys(services).sort()).toEqual(['a', 'b']);
    expect(services.b?.build).toMatchObject({ context: path.join(dir, 'b') });
  });

  it('reports a resource defined on both sides', () => {
    const dir = tree({
      'compose.yaml': 'include: [inc/compose.yaml]\nservices:\n  db: {image: mine}\n',
      'inc/compose.yaml': 'services:\n  db: {image: theirs}\n',
    });
    const { diags, file } = load(dir);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'include-conflict',
      loc: { file: path.join(dir, 'inc/compose.yaml'), line: 2 },
      related: [{ loc: { file, line: 3 } }],
    });
    expect(diags[0]?.summary).toContain('service "db"');
  });

  it('accepts an identical definition reached twice', () => {
    const dir = tree({
      'compose.yaml': 'include: [a.yaml, b.yaml]\nservices: {}\n',
      'a.yaml': 'include: [shared.yaml]\nservices: {}\n',
      'b.yaml': 'include: [shared.yaml]\nservices: {}\n',
      'shared.yaml': 'services:\n  db: {image: pg}\nnetworks:\n  n: {}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.db).toEqual({ image: 'pg' });
  });

  it('reports a cycle with each step', () => {
    const dir = tree({
      'compose.yaml': 'include: [a/compose.yaml]\nservices: {}\n',
      'a/compose.yaml': 'include: [../compose.yaml]\nservices: {}\n',
    });
    const { diags } = load(dir);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'include-cycle',
      summary: 'include cycle: a/compose.yaml → compose.yaml → a/compose.yaml',
      // The first step in name order: a/compose.yaml includes ../compose.yaml.
      loc: { file: path.join(dir, 'a/compose.yaml'), line: 1 },
    });
    expect(diags[0]?.related?.map((r) => r.message)).toEqual([
      'a/compose.yaml includes compose.yaml',
      'compose.yaml includes a/compose.yaml',
    ]);
  });

  it('reports a missing included file at its path', () => {
    const dir = tree({ 'compose.yaml': 'include:\n  - nope.yaml\nservices: {}\n' });
    const { diags, file } = load(dir);
    expect(diags).toMatchObject([{ code: 'file-not-found', loc: { file, line: 2 } }]);
  });
});
