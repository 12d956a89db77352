import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { getLoc, getSelfLoc, locAt } from '../model/locations.js';
import { mergeModels } from './merge.js';
import { readYaml } from './read-yaml.js';

function doc(text: string, file: string, diags: Diagnostics): RawModel {
  const { docs } = readYaml(text, file, diags);
  expect(diags.items).toEqual([]);
  return docs[0] as RawModel;
}

/** Merge YAML texts in order, as `-f a.yaml -f b.yaml …`. */
function merge(...texts: string[]) {
  const diags = new Diagnostics();
  const models = texts.map((t, i) => doc(t, `f${i}.yaml`, diags));
  let out = models[0] as RawModel;
  for (const m of models.slice(1)) out = mergeModels(out, m, diags);
  return { model: out, diags: diags.items };
}

const svc = (m: RawModel, name = 'web') =>
  (m.services as Record<string, Record<string, unknown>>)[name] as Record<string, unknown>;

describe('mergeModels', () => {
  it('merges mappings by key', () => {
    const { model } = merge(
      'services:\n  web:\n    image: a\n    user: root\n',
      'services:\n  web:\n    image: b\n    init: true\n',
    );
    expect(svc(model)).toEqual({ image: 'b', user: 'root', init: true });
  });

  it('adds services of the override file', () => {
    const { model } = merge('services:\n  a: {image: a}\n', 'services:\n  b: {image: b}\n');
    expect(Object.keys(model.services as object)).toEqual(['a', 'b']);
  });

  it('appends sequences', () => {
    const { model } = merge(
      'services:\n  web:\n    security_opt: [a]\n',
      'services:\n  web:\n    security_opt: [b]\n',
    );
    expect(svc(model).security_opt).toEqual(['a', 'b']);
  });

  it('replaces command and entrypoint', () => {
    const { model } = merge(
      'services:\n  web:\n    command: [echo, foo]\n    entrypoint: [sh]\n',
      'services:\n  web:\n    command: [echo, bar]\n    entrypoint: [bash]\n',
    );
    expect(svc(model)).toMatchObject({ command: ['echo', 'bar'], entrypoint: ['bash'] });
  });

  it('replaces healthcheck.test and merges the rest of healthcheck', () => {
    const { model } = merge(
      'services:\n  web:\n    healthcheck: {test: [CMD, a], interval: 5s}\n',
      'services:\n  web:\n    healthcheck: {test: [CMD, b], retries: 3}\n',
    );
    expect(svc(model).healthcheck).toEqual({ test: ['CMD', 'b'], interval: '5s', retries: 3 });
  });

  it('keeps ports unique by host ip, published, target and protocol', () => {
    const { model } = merge(
      'services:\n  web:\n    ports:\n      - {target: 80, published: "8080", protocol: tcp}\n      - {target: 53, published: "53", protocol: udp}\n',
      'services:\n  web:\n    ports:\n      - {target: 80, published: "8080", protocol: tcp, mode: host}\n      - {target: 80, published: "9090", protocol: tcp}\n',
    );
    expect(svc(model).ports).toEqual([
      { target: 80, published: '8080', protocol: 'tcp', mode: 'host' },
      { target: 53, published: '53', protocol: 'udp' },
      { target: 80, published: '9090', protocol: 'tcp' },
    ]);
  });

  it('treats a missing host_ip as 0.0.0.0 and a missing protocol as tcp', () => {
    const { model } = merge(
      'services:\n  web:\n    ports: [{target: 80, published: "80"}]\n',
      'services:\n  web:\n    ports: [{target: 80, published: "80", host_ip: 0.0.0.0, protocol: tcp}]\n',
    );
    expect(svc(model).ports).toHaveLength(1);
  });

  it('replaces a volume with the same target in place', () => {
    const { model } = merge(
      'services:\n  web:\n    volumes:\n      - {type: volume, source: foo, target: /work}\n      - {type: bind, source: ./a, target: /a}\n',
      'services:\n  web:\n    volumes:\n      - {type: volume, source: bar, target: /work}\n',
    );
    expect(svc(model).volumes).toEqual([
      { type: 'volume', source: 'bar', target: '/work' },
      { type: 'bind', source: './a', target: '/a' },
    ]);
  });

  it('keys secrets by target, defaulting to /run/secrets/<source>', () => {
    const { model } = merge(
      'services:\n  web:\n    secrets: [{source: a}, {source: b, target: /x}]\n',
      'services:\n  web:\n    secrets: [{source: a, mode: 0400}, {source: c, target: /x}]\n',
    );
    expect(svc(model).secrets).toEqual([
      { source: 'a', mode: 0o400 },
      { source: 'c', target: '/x' },
    ]);
  });

  it('keys configs by target, defaulting to /<source>', () => {
    const { model } = merge(
      'services:\n  web:\n    configs: [{source: a}]\n',
      'services:\n  web:\n    configs: [{source: b, target: /a}]\n',
    );
    expect(svc(model).configs).toEqual([{ source: 'b', target: '/a' }]);
  });

  it('lets the override win per environment variable, null included', () => {
    const { model } = merge(
      'services:\n  web:\n    environment: {A: "1", B: "2", C: "3"}\n',
      'services:\n  web:\n    environment: {B: "20", C: null, D: "4"}\n',
    );
    expect(svc(model).environment).toEqual({ A: '1', B: '20', C: null, D: '4' });
  });

  it('merges labels by key', () => {
    const { model } = merge(
      'services:\n  web:\n    labels: {a: "1"}\n',
      'services:\n  web:\n    labels: {a: "2", b: "3"}\n',
    );
    expect(svc(model).labels).toEqual({ a: '2', b: '3' });
  });

  it('keeps null when the override sets a plain key to null', () => {
    const { model } = merge(
      'services:\n  web:\n    image: a\n',
      'services:\n  web:\n    image: null\n',
    );
    expect(svc(model).image).toBe('a');
  });

  it('merges depends_on entries by service', () => {
    const { model } = merge(
      'services:\n  web:\n    depends_on: {db: {condition: service_healthy, required: true}}\n',
      'services:\n  web:\n    depends_on: {db: {required: false}, cache: {condition: service_started}}\n',
    );
    expect(svc(model).depends_on).toEqual({
      db: { condition: 'service_healthy', required: false },
      cache: { condition: 'service_started' },
    });
  });

  it('reads a depends_on list as service_started, required', () => {
    const { model } = merge(
      'services:\n  web:\n    depends_on: {db: {condition: service_healthy}}\n',
      'services:\n  web:\n    depends_on: [cache]\n',
    );
    expect(svc(model).depends_on).toEqual({
      db: { condition: 'service_healthy' },
      cache: { condition: 'service_started', required: true },
    });
  });

  it('merges service networks by name and keeps options of a bare name', () => {
    const { model } = merge(
      'services:\n  web:\n    networks: {front: {aliases: [a]}}\n',
      'services:\n  web:\n    networks: [front, back]\n',
    );
    expect(svc(model).networks).toEqual({ front: { aliases: ['a'] }, back: null });
  });

  it('keeps network aliases unique', () => {
    const { model } = merge(
      'services:\n  web:\n    networks: {front: {aliases: [a, b]}}\n',
      'services:\n  web:\n    networks: {front: {aliases: [b, c]}}\n',
    );
    expect(svc(model).networks).toEqual({ front: { aliases: ['a', 'b', 'c'] } });
  });

  it('replaces logging when the driver changes', () => {
    const { model } = merge(
      'services:\n  web:\n    logging: {driver: json-file, options: {max-size: 1m}}\n',
      'services:\n  web:\n    logging: {driver: syslog, options: {tag: x}}\n',
    );
    expect(svc(model).logging).toEqual({ driver: 'syslog', options: { tag: 'x' } });
  });

  it('merges logging options when the driver stays', () => {
    const { model } = merge(
      'services:\n  web:\n    logging: {driver: json-file, options: {max-size: 1m}}\n',
      'services:\n  web:\n    logging: {options: {max-file: "3"}}\n',
    );
    expect(svc(model).logging).toEqual({
      driver: 'json-file',
      options: { 'max-size': '1m', 'max-file': '3' },
    });
  });

  it('keeps dns, cap_add, expose and profiles unique', () => {
    const { model } = merge(
      'services:\n  web:\n    dns: [1.1.1.1]\n    cap_add: [NET_ADMIN]\n    expose: ["80"]\n    profiles: [a]\n',
      'services:\n  web:\n    dns: [1.1.1.1, 8.8.8.8]\n    cap_add: [NET_ADMIN]\n    expose: ["80", "81"]\n    profiles: [a, b]\n',
    );
    expect(svc(model)).toMatchObject({
      dns: ['1.1.1.1', '8.8.8.8'],
      cap_add: ['NET_ADMIN'],
      expose: ['80', '81'],
      profiles: ['a', 'b'],
    });
  });

  it('keeps env_file entries unique by path', () => {
    const { model } = merge(
      'services:\n  web:\n    env_file: [{path: a.env, required: true}]\n',
      'services:\n  web:\n    env_file: [{path: a.env, required: false}, {path: b.env, required: true}]\n',
    );
    expect(svc(model).env_file).toEqual([
      { path: 'a.env', required: false },
      { path: 'b.env', required: true },
    ]);
  });

  it('merges extra_hosts per host, keeping every distinct address', () => {
    const { model } = merge(
      'services:\n  web:\n    extra_hosts: {a: 1.1.1.1, b: 2.2.2.2}\n',
      'services:\n  web:\n    extra_hosts: {a: 1.1.1.1, b: 3.3.3.3}\n',
    );
    expect(svc(model).extra_hosts).toEqual({ a: '1.1.1.1', b: ['2.2.2.2', '3.3.3.3'] });
  });

  it('replaces a ulimit entry as a whole', () => {
    const { model } = merge(
      'services:\n  web:\n    ulimits: {nofile: {soft: 1, hard: 2}, nproc: 10}\n',
      'services:\n  web:\n    ulimits: {nofile: {soft: 5}}\n',
    );
    expect(svc(model).ulimits).toEqual({ nofile: { soft: 5 }, nproc: 10 });
  });

  it('merges build, reading a string as the context', () => {
    const { model } = merge(
      'services:\n  web:\n    build: {context: ., args: {A: "1"}}\n',
      'services:\n  web:\n    build: ./app\n',
    );
    expect(svc(model).build).toEqual({ context: './app', args: { A: '1' } });
  });

  it('merges build args by key', () => {
    const { model } = merge(
      'services:\n  web:\n    build: {context: ., args: {A: "1", B: "2"}}\n',
      'services:\n  web:\n    build: {args: {B: "3"}}\n',
    );
    expect(svc(model).build).toEqual({ context: '.', args: { A: '1', B: '3' } });
  });

  it('merges top-level networks and their labels', () => {
    const { model } = merge(
      'services: {}\nnetworks:\n  front: {driver: bridge, labels: {a: "1"}}\n',
      'services: {}\nnetworks:\n  front: {labels: {b: "2"}}\n  back: {}\n',
    );
    expect(model.networks).toEqual({
      front: { driver: 'bridge', labels: { a: '1', b: '2' } },
      back: {},
    });
  });

  it('merges ipam pools with the same subnet', () => {
    const { model } = merge(
      'services: {}\nnetworks:\n  n: {ipam: {config: [{subnet: 10.0.0.0/24}, {subnet: 10.1.0.0/24}]}}\n',
      'services: {}\nnetworks:\n  n: {ipam: {config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1}]}}\n',
    );
    expect(model.networks).toEqual({
      n: {
        ipam: {
          config: [{ subnet: '10.0.0.0/24', gateway: '10.0.0.1' }, { subnet: '10.1.0.0/24' }],
        },
      },
    });
  });

  it('replaces the name and other top-level scalars', () => {
    const { model } = merge('name: a\nservices: {}\n', 'name: b\n');
    expect(model.name).toBe('b');
  });

  it('reports a mapping merged over a scalar', () => {
    const { diags } = merge(
      'services:\n  web:\n    x-thing: 1\n',
      'services:\n  web:\n    x-thing: {a: 1}\n',
    );
    expect(diags).toMatchObject([
      { code: 'merge-incompatible', loc: { file: 'f1.yaml', line: 3 } },
    ]);
  });
});

describe('!reset and !override', () => {
  it('!reset removes the key', () => {
    const { model } = merge(
      'services:\n  web:\n    image: a\n    ports: [{target: 80, published: "8080"}]\n',
      'services:\n  web:\n    ports: !reset []\n',
    );
    expect(svc(model)).toEqual({ image: 'a' });
  });

  it('!reset removes one environment variable', () => {
    const { model } = merge(
      'services:\n  web:\n    environment: {FOO: bar, KEEP: "1"}\n',
      'services:\n  web:\n    environment:\n      FOO: !reset null\n',
    );
    expect(svc(model).environment).toEqual({ KEEP: '1' });
  });

  it('!reset removes a whole service', () => {
    const { model } = merge(
      'services:\n  web: {image: a}\n  db: {image: b}\n',
      'services:\n  db: !reset null\n',
    );
    expect(model.services).toEqual({ web: { image: 'a' } });
  });

  it('!override replaces without merging', () => {
    const { model } = merge(
      'services:\n  web:\n    ports: [{target: 80, published: "8080"}]\n    environment: {A: "1"}\n',
      'services:\n  web:\n    ports: !override [{target: 443, published: "8443"}]\n    environment: !override {B: "2"}\n',
    );
    expect(svc(model)).toEqual({
      ports: [{ target: 443, published: '8443' }],
      environment: { B: '2' },
    });
  });

  it('a directive applies only against the files before it', () => {
    const { model } = merge(
      'services:\n  web:\n    dns: [a]\n',
      'services:\n  web:\n    dns: !reset []\n',
      'services:\n  web:\n    dns: [b]\n',
    );
    expect(svc(model).dns).toEqual(['b']);
  });
});

describe('x-nest inner services', () => {
  it('merges an inner service with the service rules', () => {
    const { model } = merge(
      'services:\n  agent:\n    x-nest:\n      services:\n        db:\n          image: postgres\n          ports: [{target: 5432, published: "5432"}]\n',
      'services:\n  agent:\n    x-nest:\n      services:\n        db:\n          ports: [{target: 5432, published: "5432", host_ip: 127.0.0.1}]\n          command: [a]\n',
    );
    const nest = svc(model, 'agent')['x-nest'] as { services: Record<string, unknown> };
    expect(nest.services.db).toEqual({
      image: 'postgres',
      ports: [
        { target: 5432, published: '5432' },
        { target: 5432, published: '5432', host_ip: '127.0.0.1' },
      ],
      command: ['a'],
    });
  });

  it('merges at depth 2, with !reset and unique volumes', () => {
    const { model } = merge(
      [
        'services:',
        '  ci:',
        '    x-nest:',
        '      wait: started',
        '      services:',
        '        runner:',
        '          x-nest:',
        '            services:',
        '              job:',
        '                image: node',
        '                command: [npm, test]',
        '                volumes: [{type: bind, source: ./a, target: /app}]',
        '                environment: {CI: "1"}',
        '',
      ].join('\n'),
      [
        'services:',
        '  ci:',
        '    x-nest:',
        '      wait: healthy',
        '      services:',
        '        runner:',
        '          x-nest:',
        '            services:',
        '              job:',
        '                command: [npm, run, lint]',
        '                volumes: [{type: bind, source: ./b, target: /app}]',
        '                environment: !reset {}',
        '',
      ].join('\n'),
    );
    const ci = svc(model, 'ci')['x-nest'] as Record<string, unknown>;
    expect(ci.wait).toBe('healthy');
    const job = locAt(model, [
      'services',
      'ci',
      'x-nest',
      'services',
      'runner',
      'x-nest',
      'services',
      'job',
    ]);
    expect(job?.file).toBe('f0.yaml');
    const runner = (ci.services as Record<string, Record<string, unknown>>).runner as Record<
      string,
      unknown
    >;
    expect((runner['x-nest'] as { services: unknown }).services).toEqual({
      job: {
        image: 'node',
        command: ['npm', 'run', 'lint'],
        volumes: [{ type: 'bind', source: './b', target: '/app' }],
      },
    });
  });
});

describe('positions', () => {
  it('a merged value keeps the position of the file that provided it', () => {
    const { model } = merge(
      'services:\n  web:\n    image: a\n    user: root\n    ports: [{target: 80, published: "80"}]\n',
      'services:\n  web:\n    image: b\n    ports: [{target: 81, published: "81"}]\n',
    );
    const web = svc(model);
    expect(getLoc(web, 'image')).toMatchObject({ file: 'f1.yaml', line: 3 });
    expect(getLoc(web, 'user')).toMatchObject({ file: 'f0.yaml', line: 4 });
    const ports = web.ports as object;
    expect(getLoc(ports, 0)?.file).toBe('f0.yaml');
    expect(getLoc(ports, 1)?.file).toBe('f1.yaml');
    expect(getSelfLoc(web)?.file).toBe('f0.yaml');
  });

  it('a replaced environment variable points at the override', () => {
    const { model } = merge(
      'services:\n  web:\n    environment: {A: "1", B: "2"}\n',
      'services:\n  web:\n    environment: {B: "3"}\n',
    );
    const env = svc(model).environment as object;
    expect(getLoc(env, 'A')?.file).toBe('f0.yaml');
    expect(getLoc(env, 'B')?.file).toBe('f1.yaml');
  });
});
