import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { getLoc, isWritten } from '../model/locations.js';
import { normalizeProject, type NormalizeOptions } from './normalize.js';
import { readYaml } from './read-yaml.js';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function normalize(
  yaml: string,
  over: Partial<NormalizeOptions> = {},
  files: Record<string, string> = {},
) {
  const diags = new Diagnostics();
  const m = readYaml(yaml, '/proj/compose.yaml', diags).docs[0] as Any;
  const p = normalizeProject(
    m,
    {
      name: 'demo',
      projectDir: '/proj',
      env: {},
      readText: (f, from) => {
        if (f in files) return files[f];
        diags.error('file-not-found', `file not found: ${f}`, from);
        return undefined;
      },
      fileExists: (f) => f in files,
      ...over,
    },
    diags,
  ) as unknown as Any;
  return { p, diags: diags.items };
}

describe('normalizeProject', () => {
  it('sets the project name first', () => {
    const { p } = normalize('services:\n  web: { image: x }\n');
    expect(Object.keys(p)[0]).toBe('name');
    expect(p.name).toBe('demo');
  });

  it('joins services with no network to an implicit default network', () => {
    const { p } = normalize(`
services:
  a: { image: x }
  b: { image: x, networks: {} }
  c: { image: x, networks: { back: null } }
  d: { image: x, network_mode: host }
networks: { back: {} }
`);
    expect(p.services.a.networks).toEqual({ default: null });
    expect(p.services.b.networks).toEqual({ default: null });
    expect(p.services.c.networks).toEqual({ back: null });
    expect(p.services.d.networks).toBeUndefined();
    expect(p.networks).toEqual({ back: { name: 'demo_back' }, default: { name: 'demo_default' } });
  });

  it('adds no default network when no service uses it', () => {
    const { p } = normalize('services:\n  a: { image: x, network_mode: none }\n');
    expect(p.networks).toBeUndefined();
  });

  it('names networks, volumes, configs and secrets as Compose does', () => {
    const { p } = normalize(`
services: {}
networks:
  front:
  ext: { external: true }
  named: { name: custom }
  old: { external: { name: legacy } }
volumes: { data: null, shared: { external: true } }
configs: { c: { file: /c } }
secrets: { s: { file: /s, name: given } }
`);
    expect(p.networks).toEqual({
      front: { name: 'demo_front' },
      ext: { external: true, name: 'ext' },
      named: { name: 'custom' },
      old: { external: true, name: 'legacy' },
    });
    expect(p.volumes).toEqual({
      data: { name: 'demo_data' },
      shared: { external: true, name: 'shared' },
    });
    expect(p.configs.c.name).toBe('demo_c');
    expect(p.secrets.s.name).toBe('given');
    expect(isWritten(p.networks.front, 'name')).toBe(false);
  });

  it('folds env files into environment; environment wins, even null', () => {
    const { p, diags } = normalize(
      `
services:
  web:
    image: x
    env_file:
      - { path: /proj/a.env, required: true }
      - { path: /proj/b.env, required: true }
      - { path: /proj/missing.env, required: false }
    environment: { B: from-yaml, C: null, D: null }
`,
      { env: { D: 'shell', HOST: 'h' } },
      { '/proj/a.env': 'A=1\nB=file\nC=file\nURL=${HOST}:${A}', '/proj/b.env': 'A=2' },
    );
    expect(diags).toEqual([]);
    expect(p.services.web.env_file).toBeUndefined();
    expect(p.services.web.environment).toEqual({
      A: '2',
      B: 'from-yaml',
      C: null,
      D: 'shell',
      URL: 'h:1',
    });
    expect(getLoc(p.services.web.environment, 'B')).toMatchObject({ line: 9 });
  });

  it('reports a missing required env file at its entry', () => {
    const { diags } = normalize(
      'services:\n  web:\n    image: x\n    env_file:\n      - { path: /proj/no.env, required: true }\n',
    );
    expect(diags).toMatchObject([{ code: 'file-not-found', loc: { line: 5 } }]);
  });

  it('resolves bare environment keys and build args from the project environment', () => {
    const { p } = normalize(
      `
services:
  web:
    image: x
    environment: { SET: null, UNSET: null }
    build: { context: /proj, args: { A: null, B: null, C: "c" } }
`,
      { env: { SET: 's', A: 'a' } },
    );
    expect(p.services.web.environment).toEqual({ SET: 's', UNSET: null });
    expect(p.services.web.build).toEqual({
      context: '/proj',
      dockerfile: 'Dockerfile',
      args: { A: 'a', C: 'c' },
    });
  });

  it('keeps dockerfile_inline without adding a Dockerfile', () => {
    const { p } = normalize(
      'services:\n  a: { build: { context: /p, dockerfile_inline: "FROM x" } }\n',
    );
    expect(p.services.a.build.dockerfile).toBeUndefined();
  });

  it('writes out implied dependencies and depends_on defaults', () => {
    const { p } = normalize(`
services:
  web:
    image: x
    depends_on: { db: { condition: service_healthy } }
    links: [db, cache:c]
    network_mode: service:vpn
    volumes_from: [data:ro, container:foreign]
  db: { image: x }
  cache: { image: x }
  vpn: { image: x }
  data: { image: x }
`);
    expect(p.services.web.depends_on).toEqual({
      db: { condition: 'service_healthy', required: true },
      cache: { condition: 'service_started', restart: true, required: true },
      vpn: { condition: 'service_started', restart: true, required: true },
      data: { condition: 'service_started', restart: false, required: true },
    });
  });

  it('maps pull_policy if_not_present to missing', () => {
    const { p } = normalize('services:\n  a: { image: x, pull_policy: if_not_present }\n');
    expect(p.services.a.pull_policy).toBe('missing');
  });

  it('copies scale into deploy.replicas and rejects different values', () => {
    const { p, diags } = normalize(`
services:
  a: { image: x, scale: 2, deploy: { resources: {} } }
  b: { image: x, scale: 2, deploy: { replicas: "2" } }
  c: { image: x, scale: 2, deploy: { replicas: 3 } }
`);
    expect(p.services.a.deploy.replicas).toBe(2);
    expect(diags).toMatchObject([{ code: 'scale-replicas-conflict', loc: { line: 5 } }]);
    expect(diags[0]?.related?.[0]?.loc).toMatchObject({ line: 5 });
  });

  it('leaves x-nest untouched', () => {
    const { p } = normalize(
      'services:\n  a:\n    image: x\n    x-nest:\n      services:\n        db: { image: y }\n',
    );
    expect(p.services.a['x-nest']).toEqual({ services: { db: { image: 'y' } } });
  });
});
