import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { getLoc } from '../model/locations.js';
import { resolvePaths, resolveServicePaths } from './paths.js';
import { readYaml } from './read-yaml.js';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ENV = { HOME: '/home/me' };

function resolved(yaml: string, base = '/proj'): { m: Any; diags: Diagnostics } {
  const diags = new Diagnostics();
  const m = readYaml(yaml, '/proj/compose.yaml', diags).docs[0] as Any;
  resolvePaths(m, base, ENV, diags);
  return { m, diags };
}

describe('resolvePaths', () => {
  it('makes bind sources absolute, keeps named volumes and absolute paths', () => {
    const { m } = resolved(`
services:
  web:
    image: x
    volumes:
      - { type: bind, source: ./data, target: /a }
      - { type: bind, source: ../up/, target: /b }
      - { type: bind, source: /abs/./x, target: /c }
      - { type: volume, source: db, target: /d }
      - { type: bind, source: rel, target: /e }
`);
    const v = m.services.web.volumes;
    expect(v.map((x: Any) => x.source)).toEqual([
      '/proj/data',
      '/up',
      '/abs/./x',
      'db',
      '/proj/rel',
    ]);
  });

  it('expands ~ and ~/x from HOME', () => {
    const { m } = resolved(`
services:
  web:
    image: x
    volumes:
      - { type: bind, source: "~", target: /a }
      - { type: bind, source: ~/.ssh, target: /b }
`);
    expect(m.services.web.volumes.map((x: Any) => x.source)).toEqual(['/home/me', '/home/me/.ssh']);
  });

  it('keeps the position of a replaced value', () => {
    const { m } = resolved(
      'services:\n  web:\n    image: x\n    env_file:\n      - path: ./a.env\n',
    );
    const entry = m.services.web.env_file[0];
    expect(entry.path).toBe('/proj/a.env');
    expect(getLoc(entry, 'path')).toMatchObject({ line: 5, col: 15 });
  });

  it('resolves build contexts, additional contexts, ssh and defaults the context', () => {
    const { m } = resolved(`
services:
  a:
    build:
      context: ./app
      dockerfile: docker/Dockerfile
      additional_contexts:
        lib: ../lib
        img: docker-image://alpine
        svc: service:base
      ssh:
        default: null
        key: ./id_rsa
  b: { build: { context: "https://github.com/x/y.git#main" } }
  c: { build: { context: "git@github.com:x/y.git" } }
  d: { build: { context: "github.com/x/y" } }
  e: { build: { dockerfile: Other } }
`);
    const s = m.services;
    expect(s.a.build).toMatchObject({
      context: '/proj/app',
      dockerfile: 'docker/Dockerfile',
      additional_contexts: { lib: '/lib', img: 'docker-image://alpine', svc: 'service:base' },
      ssh: { default: null, key: '/proj/id_rsa' },
    });
    expect(s.b.build.context).toBe('https://github.com/x/y.git#main');
    expect(s.c.build.context).toBe('git@github.com:x/y.git');
    expect(s.d.build.context).toBe('github.com/x/y');
    expect(s.e.build).toEqual({ dockerfile: 'Other', context: '/proj' });
    expect(getLoc(s.e.build, 'context')).toBeUndefined();
  });

  it('resolves env_file, label_file, extends.file, develop.watch paths', () => {
    const { m } = resolved(`
services:
  web:
    image: x
    env_file: [{ path: a.env, required: false }]
    label_file: [./l1, /abs/l2]
    extends: { file: ../base.yaml, service: b }
    develop: { watch: [{ path: ./src, action: sync, target: /app }] }
`);
    const w = m.services.web;
    expect(w.env_file[0].path).toBe('/proj/a.env');
    expect(w.label_file).toEqual(['/proj/l1', '/abs/l2']);
    expect(w.extends.file).toBe('/base.yaml');
    expect(w.develop.watch[0].path).toBe('/proj/src');
  });

  it('resolves top-level config and secret files and local bind volume devices', () => {
    const { m } = resolved(`
services: {}
configs: { c: { file: ./c.conf }, e: { external: true } }
secrets: { s: { file: ~/s.txt }, t: { environment: TOKEN } }
volumes:
  bound: { driver: local, driver_opts: { o: bind, type: none, device: ./data } }
  other: { driver: local, driver_opts: { device: ./data } }
`);
    expect(m.configs.c.file).toBe('/proj/c.conf');
    expect(m.secrets.s.file).toBe('/home/me/s.txt');
    expect(m.secrets.t).toEqual({ environment: 'TOKEN' });
    expect(m.volumes.bound.driver_opts.device).toBe('/proj/data');
    expect(m.volumes.other.driver_opts.device).toBe('./data');
  });

  it('leaves everything under x-nest untouched', () => {
    const { m } = resolved(`
services:
  agent:
    image: x
    x-nest:
      file: ci/compose.yml
      services:
        t:
          build: ./app
          volumes: [{ type: bind, source: ./app, target: /app }]
          env_file: [{ path: ./x.env }]
`);
    expect(m.services.agent['x-nest']).toEqual({
      file: 'ci/compose.yml',
      services: {
        t: {
          build: './app',
          volumes: [{ type: 'bind', source: './app', target: '/app' }],
          env_file: [{ path: './x.env' }],
        },
      },
    });
  });

  it('reports a bind mount with no source at the entry', () => {
    const { diags } = resolved(
      'services:\n  web:\n    image: x\n    volumes:\n      - { type: bind, target: /a }\n',
    );
    expect(diags.items).toMatchObject([{ code: 'volume-bind-no-source', loc: { line: 5 } }]);
  });

  it('is idempotent, so extends can resolve a service first', () => {
    const diags = new Diagnostics();
    const svc: Any = {
      build: { context: '.' },
      volumes: [{ type: 'bind', source: './x', target: '/x' }],
    };
    resolveServicePaths(svc, '/other', ENV, diags);
    resolveServicePaths(svc, '/proj', ENV, diags);
    expect(svc.build.context).toBe('/other');
    expect(svc.volumes[0].source).toBe('/other/x');
  });
});
