import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../../test/support/temp-project.js';
import type { RawModel } from '../model/compose.js';
import { getLoc } from '../model/locations.js';
import { applyExtends } from './extends.js';
import { loadFile } from './load-file.js';
import { newLoadContext } from './new-context.js';

const tree = (files: Record<string, string>): string => tempProject(files, 'nestc-extends-');

const context = newLoadContext;

/** Load `main` from `dir` and apply its extends. */
function load(dir: string, main = 'compose.yaml') {
  const ctx = context();
  const file = path.join(dir, main);
  const model = loadFile(file, {}, ctx) as RawModel;
  expect(ctx.diags.items).toEqual([]);
  applyExtends(model, file, {}, ctx);
  const services = model.services as Record<string, Record<string, unknown>>;
  return { model, services, diags: ctx.diags.items, file };
}

describe('applyExtends', () => {
  it('extends a service of the same file', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  base:\n    image: busybox\n    environment: {TZ: utc, PORT: "80"}\n  cli:\n    extends: {service: base}\n    environment: {PORT: "8080"}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.cli).toEqual({ image: 'busybox', environment: { TZ: 'utc', PORT: '8080' } });
    expect(services.base).toEqual({ image: 'busybox', environment: { TZ: 'utc', PORT: '80' } });
  });

  it('resolves a chain in order', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  cli:\n    extends: {service: common}\n  common:\n    image: busybox\n    extends: {service: base}\n  base:\n    image: alpine\n    user: root\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.cli).toEqual({ image: 'busybox', user: 'root' });
  });

  it('inherits depends_on, as compose-go does', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  db: {image: pg}\n  base:\n    image: a\n    depends_on: {db: {condition: service_started, required: true}}\n  web:\n    extends: {service: base}\n',
    });
    const { services } = load(dir);
    expect(services.web?.depends_on).toEqual({
      db: { condition: 'service_started', required: true },
    });
  });

  it('applies !reset of the extending service to the base', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  base:\n    image: a\n    ports: [{target: 80, published: "80", protocol: tcp}]\n  web:\n    extends: {service: base}\n    ports: !reset []\n',
    });
    const { services } = load(dir);
    expect(services.web).toEqual({ image: 'a' });
  });

  it('extends a service of another file, resolving its paths against its own directory', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  web:\n    extends: {file: common/base.yaml, service: app}\n    env_file: [{path: ./web.env, required: false}]\n',
      'common/base.yaml':
        'services:\n  app:\n    image: a\n    build: {context: ./ctx}\n    env_file: [{path: ./app.env, required: false}]\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    const web = services.web as Record<string, unknown>;
    expect(web.image).toBe('a');
    expect(web.extends).toBeUndefined();
    // The base's relative paths mean its own directory; the extending file's stay for the paths
    // stage, which resolves them against the project directory.
    expect(web.env_file).toEqual([
      { path: path.join(dir, 'common/app.env'), required: false },
      { path: './web.env', required: false },
    ]);
    expect(web.build).toMatchObject({ context: path.join(dir, 'common/ctx') });
    expect(getLoc(web, 'image')?.file).toBe(path.join(dir, 'common/base.yaml'));
  });

  it('follows a chain across files, each file relative to the one that declares it', () => {
    const dir = tree({
      'compose.yaml': 'services:\n  web:\n    extends: {file: a/one.yaml, service: one}\n',
      'a/one.yaml':
        'services:\n  one:\n    extends: {file: ../b/two.yaml, service: two}\n    user: one\n',
      'b/two.yaml': 'services:\n  two:\n    image: two\n    user: two\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    expect(services.web).toEqual({ image: 'two', user: 'one' });
  });

  it('reports an unknown service at the service: value', () => {
    const dir = tree({
      'compose.yaml': 'services:\n  base: {image: a}\n  web:\n    extends:\n      service: bsae\n',
    });
    const { diags, file } = load(dir);
    expect(diags).toMatchObject([
      {
        code: 'extends-unknown-service',
        loc: { file, line: 5, col: 16 },
        hint: 'did you mean "base"?',
      },
    ]);
  });

  it('reports an unknown service of another file', () => {
    const dir = tree({
      'compose.yaml': 'services:\n  web:\n    extends: {file: other.yaml, service: nope}\n',
      'other.yaml': 'services:\n  app: {image: a}\n',
    });
    const { diags } = load(dir);
    expect(diags).toHaveLength(1);
    expect(diags[0]?.code).toBe('extends-unknown-service');
    expect(diags[0]?.summary).toContain('other.yaml');
  });

  it('reports a missing file at file:', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  web:\n    extends:\n      file: missing.yaml\n      service: a\n',
    });
    const { diags, file } = load(dir);
    expect(diags).toMatchObject([{ code: 'file-not-found', loc: { file, line: 4 } }]);
  });

  it('reports a cycle once, in name order, with each step', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  c:\n    extends: {service: a}\n  b:\n    extends: {service: c}\n  a:\n    extends: {service: b}\n',
    });
    const { diags, file } = load(dir);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'extends-cycle',
      summary: 'extends cycle: a → b → c → a',
      loc: { file, line: 7 },
    });
    expect(diags[0]?.related?.map((r) => [r.message, r.loc?.line])).toEqual([
      ['a extends b', 7],
      ['b extends c', 5],
      ['c extends a', 3],
    ]);
  });

  it('names the files of a cycle across files', () => {
    const dir = tree({
      'compose.yaml': 'services:\n  web:\n    extends: {file: other.yaml, service: x}\n',
      'other.yaml': 'services:\n  x:\n    extends: {file: compose.yaml, service: web}\n',
    });
    const { diags } = load(dir);
    expect(diags.map((d) => d.code)).toEqual(['extends-cycle']);
    expect(diags[0]?.summary).toBe(
      'extends cycle: web (compose.yaml) → x (other.yaml) → web (compose.yaml)',
    );
  });

  it('a self-extending service is a cycle', () => {
    const dir = tree({ 'compose.yaml': 'services:\n  a:\n    extends: {service: a}\n' });
    expect(load(dir).diags[0]?.summary).toBe('extends cycle: a → a');
  });

  it('resolves extends inside inline x-nest scopes against the same scope', () => {
    const dir = tree({
      'compose.yaml': [
        'services:',
        '  base: {image: outer}',
        '  agent:',
        '    image: agent',
        '    x-nest:',
        '      services:',
        '        base: {image: inner, user: root}',
        '        job:',
        '          extends: {service: base}',
        '          x-nest:',
        '            services:',
        '              a: {image: deep}',
        '              b: {extends: {service: a}, user: b}',
        '',
      ].join('\n'),
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    const nest = services.agent?.['x-nest'] as {
      services: Record<string, Record<string, unknown>>;
    };
    const job = nest.services.job as Record<string, unknown>;
    expect(job.image).toBe('inner');
    expect(job.user).toBe('root');
    const deep = (job['x-nest'] as { services: Record<string, unknown> }).services;
    expect(deep.b).toEqual({ image: 'deep', user: 'b' });
  });

  it('leaves an inner extends.file to the resolver', () => {
    const dir = tree({
      'compose.yaml':
        'services:\n  agent:\n    image: a\n    x-nest:\n      services:\n        job:\n          extends: {file: /ci/compose.yaml, service: x}\n',
    });
    const { services, diags } = load(dir);
    expect(diags).toEqual([]);
    const nest = services.agent?.['x-nest'] as {
      services: Record<string, Record<string, unknown>>;
    };
    expect(nest.services.job?.extends).toEqual({ file: '/ci/compose.yaml', service: 'x' });
  });
});
