import { realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject } from '../../test/support/temp-project.js';
import { Diagnostics } from '../diag/diagnostic.js';
import { SourceStore } from '../diag/source-store.js';
import type { LoadContext, LoadOptions } from './context.js';
import { newLoadContext } from './new-context.js';
import { resolveSetup } from './project-setup.js';
import { readText } from './read-text.js';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A temporary directory holding `files` (path → text); returns its real absolute path. */
function tree(files: Record<string, string>): string {
  const root = realpathSync(tempProject(files, 'nestc-setup-'));
  roots.push(root);
  return root;
}

function setup(opts: LoadOptions) {
  const ctx = newLoadContext();
  const { diags, sources } = ctx;
  const result = resolveSetup({ env: {}, ...opts }, ctx);
  return { result, diags: diags.items, sources };
}

const SVC = 'services: {a: {image: x}}\n';

describe('resolveSetup: which files', () => {
  it('prefers compose.yaml, then compose.yml, docker-compose.yml, docker-compose.yaml', () => {
    const order = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
    for (let i = 0; i < order.length; i++) {
      const present = Object.fromEntries(order.slice(i).map((n) => [n, SVC]));
      const root = tree(present);
      const { result, diags } = setup({ cwd: root });
      expect(result?.files).toEqual([path.join(root, order[i] as string)]);
      if (i < order.length - 1) {
        expect(diags).toEqual([
          expect.objectContaining({ code: 'project-multiple-files', severity: 'warning' }),
        ]);
      } else {
        expect(diags).toEqual([]);
      }
    }
  });

  it('adds the override file of the same directory, preferring .yml', () => {
    const root = tree({
      'compose.yaml': SVC,
      'compose.override.yaml': SVC,
      'compose.override.yml': SVC,
    });
    const { result, diags } = setup({ cwd: root });
    expect(result?.files).toEqual([
      path.join(root, 'compose.yaml'),
      path.join(root, 'compose.override.yml'),
    ]);
    expect(diags.map((d) => d.code)).toEqual(['project-multiple-files']);
  });

  it('searches parent directories; the project directory is where the file is', () => {
    const root = tree({ 'docker-compose.yml': SVC, 'a/b/readme': '' });
    const { result } = setup({ cwd: path.join(root, 'a/b') });
    expect(result?.files).toEqual([path.join(root, 'docker-compose.yml')]);
    expect(result?.projectDir).toBe(root);
  });

  it('reports project-no-file when nothing is found', () => {
    const root = tree({ readme: '' });
    const { result, diags } = setup({ cwd: root });
    expect(result).toBeUndefined();
    expect(diags).toEqual([
      expect.objectContaining({
        code: 'project-no-file',
        severity: 'error',
        hint: expect.any(String),
      }),
    ]);
  });

  it('takes -f in order, relative to the working directory, without discovery', () => {
    const root = tree({ 'compose.yaml': SVC, 'ops/base.yml': SVC, 'ops/dev.yml': SVC });
    const { result } = setup({ cwd: root, files: ['ops/base.yml', 'ops/dev.yml'] });
    expect(result?.files).toEqual([
      path.join(root, 'ops/base.yml'),
      path.join(root, 'ops/dev.yml'),
    ]);
    expect(result?.projectDir).toBe(path.join(root, 'ops'));
  });

  it('resolves -f against the working directory even with --project-directory', () => {
    const root = tree({ 'app/compose.yaml': SVC, 'other/x': '' });
    const { result } = setup({
      cwd: path.join(root, 'app'),
      files: ['compose.yaml'],
      projectDirectory: '../other',
    });
    expect(result?.files).toEqual([path.join(root, 'app/compose.yaml')]);
    expect(result?.projectDir).toBe(path.join(root, 'other'));
  });

  it('discovers from --project-directory when no file is named', () => {
    const root = tree({ 'proj/compose.yaml': SVC, 'elsewhere/x': '' });
    const { result } = setup({ cwd: path.join(root, 'elsewhere'), projectDirectory: '../proj' });
    expect(result?.files).toEqual([path.join(root, 'proj/compose.yaml')]);
    expect(result?.projectDir).toBe(path.join(root, 'proj'));
  });

  it('reads COMPOSE_FILE, split on ":" by default and relative to the working directory', () => {
    const root = tree({ 'compose.yaml': SVC, 'a.yml': SVC, 'sub/b.yml': SVC });
    const { result } = setup({ cwd: root, env: { COMPOSE_FILE: 'a.yml:sub/b.yml' } });
    expect(result?.files).toEqual([path.join(root, 'a.yml'), path.join(root, 'sub/b.yml')]);
    expect(result?.projectDir).toBe(root);
  });

  it('splits COMPOSE_FILE on COMPOSE_PATH_SEPARATOR', () => {
    const root = tree({ 'a.yml': SVC, 'b.yml': SVC });
    const { result } = setup({
      cwd: root,
      env: { COMPOSE_FILE: 'a.yml;b.yml', COMPOSE_PATH_SEPARATOR: ';' },
    });
    expect(result?.files).toEqual([path.join(root, 'a.yml'), path.join(root, 'b.yml')]);
  });

  it('lets -f win over COMPOSE_FILE', () => {
    const root = tree({ 'a.yml': SVC, 'b.yml': SVC });
    const { result } = setup({ cwd: root, files: ['b.yml'], env: { COMPOSE_FILE: 'a.yml' } });
    expect(result?.files).toEqual([path.join(root, 'b.yml')]);
  });

  it('reads COMPOSE_FILE from the .env of the working directory', () => {
    const root = tree({ '.env': 'COMPOSE_FILE=deploy/main.yml\n', 'deploy/main.yml': SVC });
    const { result } = setup({ cwd: root });
    expect(result?.files).toEqual([path.join(root, 'deploy/main.yml')]);
    expect(result?.projectDir).toBe(path.join(root, 'deploy'));
  });

  it('reports a COMPOSE_FILE entry that does not exist', () => {
    const root = tree({ 'a.yml': SVC });
    const { result, diags } = setup({ cwd: root, env: { COMPOSE_FILE: 'a.yml:nope.yml' } });
    expect(result).toBeUndefined();
    expect(diags.map((d) => d.code)).toEqual(['project-compose-file-env']);
  });

  it('takes the Compose file from standard input with -f -', () => {
    const root = tree({});
    const diags = new Diagnostics();
    const sources = new SourceStore();
    sources.set('-', SVC);
    const ctx: LoadContext = { diags, sources, readText: (f) => readText(f, diags, sources) };
    const result = resolveSetup({ cwd: root, env: {}, files: ['-'] }, ctx);
    expect(result?.files).toEqual(['-']);
    expect(result?.projectDir).toBe(root);
  });
});

describe('resolveSetup: environment', () => {
  it('reads the .env of the project directory; the process environment wins over it', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'A=file\nB=file\n' });
    const { result } = setup({ cwd: root, env: { A: 'process' } });
    expect(result?.env).toMatchObject({ A: 'process', B: 'file' });
    expect(result?.envFiles).toEqual([path.join(root, '.env')]);
  });

  it('reads the .env beside the first -f file, not the working directory', () => {
    const root = tree({
      '.env': 'WHERE=cwd\n',
      'app/compose.yaml': SVC,
      'app/.env': 'WHERE=app\n',
    });
    const { result } = setup({ cwd: root, files: ['app/compose.yaml'] });
    expect(result?.env.WHERE).toBe('app');
  });

  it('reads the .env of the project directory found in a parent', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'WHERE=root\n', 'sub/x': '' });
    const { result } = setup({ cwd: path.join(root, 'sub') });
    expect(result?.env.WHERE).toBe('root');
  });

  it('keeps values of the working directory .env over the project directory .env, as Compose', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'A=root\nB=root\n', 'sub/.env': 'A=sub\n' });
    const { result } = setup({ cwd: path.join(root, 'sub') });
    expect(result?.env).toMatchObject({ A: 'sub', B: 'root' });
    expect(result?.envFiles).toEqual([path.join(root, 'sub/.env'), path.join(root, '.env')]);
  });

  it('uses --env-file instead of .env; later files win; relative to the working directory', () => {
    const root = tree({
      'compose.yaml': SVC,
      '.env': 'DEFAULT=yes\n',
      'env/one': 'A=1\nB=1\n',
      'env/two': 'B=2\nC=${A}-two\n',
    });
    const { result, diags } = setup({ cwd: root, envFiles: ['env/one', 'env/two'] });
    expect(diags).toEqual([]);
    expect(result?.env).toMatchObject({ A: '1', B: '2', C: '1-two' });
    expect(result?.env.DEFAULT).toBeUndefined();
  });

  it('lets the process environment win over --env-file too', () => {
    const root = tree({ 'compose.yaml': SVC, e: 'A=file\n' });
    const { result } = setup({ cwd: root, envFiles: ['e'], env: { A: 'process' } });
    expect(result?.env.A).toBe('process');
  });

  it('reports a missing --env-file', () => {
    const root = tree({ 'compose.yaml': SVC });
    const { result, diags } = setup({ cwd: root, envFiles: ['missing.env'] });
    expect(result).toBeUndefined();
    expect(diags).toEqual([expect.objectContaining({ code: 'file-not-found', severity: 'error' })]);
  });

  it('skips the default .env when COMPOSE_DISABLE_ENV_FILE is true', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'A=file\n' });
    const { result } = setup({ cwd: root, env: { COMPOSE_DISABLE_ENV_FILE: 'true' } });
    expect(result?.env.A).toBeUndefined();
  });
});

describe('resolveSetup: profiles and explicit name', () => {
  it('reads COMPOSE_PROFILES (comma-separated) from the environment or .env', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'COMPOSE_PROFILES=debug, test\n' });
    expect(setup({ cwd: root }).result?.profiles).toEqual(['debug', 'test']);
  });

  it('lets --profile replace COMPOSE_PROFILES, as Compose does', () => {
    const root = tree({ 'compose.yaml': SVC });
    const { result } = setup({ cwd: root, profiles: ['web'], env: { COMPOSE_PROFILES: 'debug' } });
    expect(result?.profiles).toEqual(['web']);
  });

  it('takes -p before COMPOSE_PROJECT_NAME, which may come from .env', () => {
    const root = tree({ 'compose.yaml': SVC, '.env': 'COMPOSE_PROJECT_NAME=fromenv\n' });
    expect(setup({ cwd: root }).result?.explicitName).toEqual({ value: 'fromenv', from: 'env' });
    expect(setup({ cwd: root, projectName: 'flag' }).result?.explicitName).toEqual({
      value: 'flag',
      from: 'flag',
    });
  });

  it('ignores an empty COMPOSE_PROJECT_NAME', () => {
    const root = tree({ 'compose.yaml': SVC });
    expect(
      setup({ cwd: root, env: { COMPOSE_PROJECT_NAME: '' } }).result?.explicitName,
    ).toBeUndefined();
  });
});
