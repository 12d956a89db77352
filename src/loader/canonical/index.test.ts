import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../diag/diagnostic.js';
import type { RawModel } from '../../model/compose.js';
import { getKeyLoc, getLoc, isWritten, locAt } from '../../model/locations.js';
import { readYaml } from '../read-yaml.js';
import { canonicalize } from './index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

function canon(text: string) {
  const diags = new Diagnostics();
  const { docs } = readYaml(text, 'compose.yaml', diags);
  expect(diags.items).toEqual([]);
  const model = docs[0] as RawModel;
  canonicalize(model, diags);
  return { model: model as any, diags: diags.items };
}

/** One service `s` with the given body (YAML lines, indented under the service). */
function svc(body: string) {
  const r = canon(`services:\n  s:\n${body.replace(/^/gm, '    ')}\n`);
  return { s: r.model.services.s, diags: r.diags, model: r.model };
}

describe('ports', () => {
  it('turns numbers and short strings into long entries', () => {
    const { s, diags } = svc(
      'ports:\n  - 80\n  - "8080:80"\n  - "127.0.0.1:8081:81"\n  - "8082:82/udp"\n  - "127.0.0.1::83"',
    );
    expect(diags).toEqual([]);
    expect(s.ports).toEqual([
      { mode: 'ingress', target: 80, protocol: 'tcp' },
      { mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' },
      { mode: 'ingress', host_ip: '127.0.0.1', target: 81, published: '8081', protocol: 'tcp' },
      { mode: 'ingress', target: 82, published: '8082', protocol: 'udp' },
      { mode: 'ingress', host_ip: '127.0.0.1', target: 83, protocol: 'tcp' },
    ]);
  });

  it('reads a bracketed IPv6 host address and rejects a bare one', () => {
    const { s, diags } = svc('ports:\n  - "[::1]:8080:80"\n  - "::1:8081:81"');
    expect(s.ports).toEqual([
      { mode: 'ingress', host_ip: '::1', target: 80, published: '8080', protocol: 'tcp' },
    ]);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'port-invalid', loc: { line: 5, col: 9 } });
    expect(diags[0]?.hint).toContain('brackets');
  });

  it('expands container ranges one entry per port', () => {
    const { s } = svc('ports:\n  - "3000-3002"\n  - "9000-9001:8000-8001/udp"');
    expect(s.ports.map((p: any) => [p.target, p.published, p.protocol])).toEqual([
      [3000, undefined, 'tcp'],
      [3001, undefined, 'tcp'],
      [3002, undefined, 'tcp'],
      [8000, '9000', 'udp'],
      [8001, '9001', 'udp'],
    ]);
  });

  it('keeps a host range for a single container port', () => {
    const { s } = svc('ports:\n  - "9090-9091:8080"');
    expect(s.ports).toEqual([
      { mode: 'ingress', target: 8080, published: '9090-9091', protocol: 'tcp' },
    ]);
  });

  it('orders an expanded range as compose-go does (by "port/proto" as text)', () => {
    const { s } = svc('ports:\n  - "998-1001"');
    expect(s.ports.map((p: any) => p.target)).toEqual([1000, 1001, 998, 999]);
  });

  it('reports mismatched ranges, bad syntax and out-of-range ports at the entry', () => {
    const { s, diags } = svc(
      'ports:\n  - "9000-9002:8000-8001"\n  - "80:70000"\n  - "70000:80"\n  - "abc"\n  - "80/xyz"\n  - 0',
    );
    expect(s.ports).toEqual([]);
    expect(diags.map((d) => d.code)).toEqual([
      'port-range-mismatch',
      'port-out-of-range',
      'port-out-of-range',
      'port-invalid',
      'port-invalid',
      'port-out-of-range',
    ]);
    expect(diags[2]).toMatchObject({
      summary: 'services.s.ports[2]: published port 70000 is out of range 1–65535',
      loc: { file: 'compose.yaml', line: 6, col: 9 },
    });
  });

  it('keeps long entries, typing published as a string and filling defaults', () => {
    const { s, diags } = svc('ports:\n  - target: 80\n    published: 8080\n  - "81"');
    expect(diags).toEqual([]);
    expect(s.ports).toEqual([
      { target: 80, published: '8080', protocol: 'tcp', mode: 'ingress' },
      { mode: 'ingress', target: 81, protocol: 'tcp' },
    ]);
    expect(isWritten(s.ports[0], 'published')).toBe(true);
    expect(isWritten(s.ports[0], 'protocol')).toBe(false);
  });

  it('gives parsed fields the position of the short string, defaults none', () => {
    const { s } = svc('ports:\n  - "8080:80/udp"\n  - "81"');
    expect(getLoc(s.ports[0], 'target')).toMatchObject({ line: 4, col: 9 });
    expect(isWritten(s.ports[0], 'protocol')).toBe(true);
    expect(isWritten(s.ports[1], 'protocol')).toBe(false);
    expect(isWritten(s.ports[0], 'mode')).toBe(false);
    expect(getLoc(s.ports, 1)).toMatchObject({ line: 5, col: 9 });
  });

  it('types expose entries as strings', () => {
    expect(svc('expose: [80, "3000-3005"]').s.expose).toEqual(['80', '3000-3005']);
  });
});

describe('volumes', () => {
  const vol = (v: string) => svc(`volumes:\n  - ${JSON.stringify(v)}`);

  it('reads binds by the first character of the source', () => {
    for (const src of ['./data', '/srv/data', '~/data', '../up']) {
      expect(vol(`${src}:/data`).s.volumes[0]).toEqual({
        type: 'bind',
        source: src,
        target: '/data',
        bind: { create_host_path: true },
      });
    }
  });

  it('reads named and anonymous volumes', () => {
    expect(vol('cache:/cache').s.volumes[0]).toEqual({
      type: 'volume',
      source: 'cache',
      target: '/cache',
      volume: {},
    });
    expect(vol('/anon').s.volumes[0]).toEqual({ type: 'volume', target: '/anon', volume: {} });
  });

  it('sets read_only only when ro or rw is written, with a position', () => {
    const { s } = svc('volumes:\n  - ./a:/a:ro\n  - ./b:/b:rw\n  - ./c:/c');
    const [a, b, c] = s.volumes;
    expect(a.read_only).toBe(true);
    expect(b.read_only).toBe(false);
    expect('read_only' in c).toBe(false);
    expect(isWritten(a, 'read_only')).toBe(true);
    expect(isWritten(b, 'read_only')).toBe(true);
    expect(isWritten(c, 'read_only')).toBe(false);
    expect(getLoc(b, 'read_only')).toMatchObject({ line: 5, col: 9 });
  });

  it('reads combined modes', () => {
    expect(vol('./a:/a:ro,z,rshared').s.volumes[0]).toEqual({
      type: 'bind',
      source: './a',
      target: '/a',
      read_only: true,
      bind: { selinux: 'z', propagation: 'rshared', create_host_path: true },
    });
    expect(vol('data:/d:nocopy').s.volumes[0]).toEqual({
      type: 'volume',
      source: 'data',
      target: '/d',
      volume: { nocopy: true },
    });
    const z = vol('./a:/a:Z').s.volumes[0];
    expect(isWritten(z.bind, 'selinux')).toBe(true);
    expect(isWritten(z.bind, 'create_host_path')).toBe(false);
  });

  it('keeps Windows drive letters and cleans the target', () => {
    expect(vol('C:\\data:/data/').s.volumes[0]).toMatchObject({
      type: 'bind',
      source: 'C:\\data',
      target: '/data',
    });
  });

  it('warns about unknown modes and rejects malformed entries', () => {
    const { diags } = svc('volumes:\n  - ./a:/a:r0\n  - ./a::/b\n  - vol:/b:ro:x');
    expect(diags.map((d) => [d.code, d.severity, d.loc?.line])).toEqual([
      ['volume-option-unknown', 'warning', 4],
      ['volume-invalid', 'error', 5],
      ['volume-invalid', 'error', 6],
    ]);
  });

  it('keeps long entries as written', () => {
    const { s } = svc(
      'volumes:\n  - type: bind\n    source: ./x\n    target: /x\n    read_only: false',
    );
    expect(s.volumes[0]).toEqual({ type: 'bind', source: './x', target: '/x', read_only: false });
    expect(isWritten(s.volumes[0], 'read_only')).toBe(true);
  });
});

describe('key=value lists', () => {
  it('environment and build.args: a bare KEY is null', () => {
    const { s } = svc('environment: [A=1, B, C=, D=x=y]\nbuild:\n  context: .\n  args: [X, Y=2]');
    expect(s.environment).toEqual({ A: '1', B: null, C: '', D: 'x=y' });
    expect(s.build.args).toEqual({ X: null, Y: '2' });
    expect(getKeyLoc(s.environment, 'B')).toMatchObject({ line: 3 });
  });

  it('stringifies scalar values of the mapping form and keeps null', () => {
    const { s } = svc('environment:\n  PORT: 5432\n  DEBUG: true\n  UNSET:');
    expect(s.environment).toEqual({ PORT: '5432', DEBUG: 'true', UNSET: null });
    expect(getLoc(s.environment, 'PORT')).toMatchObject({ line: 4 });
  });

  it('labels and annotations: a bare KEY or null is an empty string', () => {
    const { s } = svc('labels: [a=1, b]\nannotations: [c]\ndeploy:\n  labels:\n    d:');
    expect(s.labels).toEqual({ a: '1', b: '' });
    expect(s.annotations).toEqual({ c: '' });
    expect(s.deploy.labels).toEqual({ d: '' });
  });

  it('extra_hosts: host → addresses, = or : separated, brackets removed', () => {
    const { s, diags } = svc('extra_hosts: ["a=1.2.3.4", "b:::1", "c=[::2]", "a=5.6.7.8,9.9.9.9"]');
    expect(diags).toEqual([]);
    expect(s.extra_hosts).toEqual({ a: ['1.2.3.4', '5.6.7.8', '9.9.9.9'], b: ['::1'], c: ['::2'] });
    const m = svc('extra_hosts:\n  x: 1.1.1.1\n  y: ["::1", "2.2.2.2"]').s.extra_hosts;
    expect(m).toEqual({ x: ['1.1.1.1'], y: ['::1', '2.2.2.2'] });
  });

  it('extra_hosts: an entry without an address is an error', () => {
    expect(svc('extra_hosts: [nohost]').diags[0]?.code).toBe('extra-host-invalid');
  });
});

describe('references and small forms', () => {
  it('depends_on: list → map with defaults that count as not written', () => {
    const { s } = svc('depends_on: [db, cache]');
    expect(s.depends_on).toEqual({
      db: { condition: 'service_started', required: true },
      cache: { condition: 'service_started', required: true },
    });
    expect(isWritten(s.depends_on, 'db')).toBe(true);
    expect(isWritten(s.depends_on.db, 'required')).toBe(false);
  });

  it('depends_on: long form gets the same defaults, written fields kept', () => {
    const { s } = svc('depends_on:\n  db:\n    condition: service_healthy\n    restart: true');
    expect(s.depends_on.db).toEqual({
      condition: 'service_healthy',
      restart: true,
      required: true,
    });
    expect(isWritten(s.depends_on.db, 'condition')).toBe(true);
  });

  it('networks: list → map of null', () => {
    const { s } = svc('networks: [front, back]');
    expect(s.networks).toEqual({ front: null, back: null });
    expect(getLoc(s.networks, 'back')).toMatchObject({ line: 3 });
  });

  it('env_file: string and mixed list → objects, required defaulted', () => {
    expect(svc('env_file: .env').s.env_file).toEqual([{ path: '.env', required: true }]);
    const { s } = svc(
      'env_file:\n  - a.env\n  - path: b.env\n    required: false\n  - path: c.env',
    );
    expect(s.env_file).toEqual([
      { path: 'a.env', required: true },
      { path: 'b.env', required: false },
      { path: 'c.env', required: true },
    ]);
    expect(isWritten(s.env_file[0], 'path')).toBe(true);
    expect(isWritten(s.env_file[0], 'required')).toBe(false);
  });

  it('build, extends, secrets, configs: a string is the one field', () => {
    const { s } = svc('build: ./app\nextends: base\nsecrets: [token]\nconfigs: [cfg, {source: x}]');
    expect(s.build).toEqual({ context: './app' });
    expect(s.extends).toEqual({ service: 'base' });
    expect(s.secrets).toEqual([{ source: 'token' }]);
    expect(s.configs).toEqual([{ source: 'cfg' }, { source: 'x' }]);
    expect(getLoc(s.build, 'context')).toMatchObject({ line: 3, col: 12 });
  });

  it('include: a string is {path: [string]}', () => {
    const { model } = canon(
      'include:\n  - a.yml\n  - path: b.yml\n    env_file: b.env\nservices: {}\n',
    );
    expect(model.include).toEqual([{ path: ['a.yml'] }, { path: ['b.yml'], env_file: ['b.env'] }]);
  });

  it('tmpfs, dns: a string is a one-item list', () => {
    const { s } = svc('tmpfs: /run\ndns: 1.1.1.1');
    expect(s.tmpfs).toEqual(['/run']);
    expect(s.dns).toEqual(['1.1.1.1']);
  });

  it('ulimits are kept as written', () => {
    const { s } = svc('ulimits:\n  nproc: 65535\n  nofile: {soft: 1, hard: 2}');
    expect(s.ulimits).toEqual({ nproc: 65535, nofile: { soft: 1, hard: 2 } });
  });

  it('devices: short → long', () => {
    const { s } = svc('devices: ["/dev/a", "/dev/b:/dev/c", "/dev/d:/dev/e:r"]');
    expect(s.devices).toEqual([
      { source: '/dev/a', target: '/dev/a', permissions: 'rwm' },
      { source: '/dev/b', target: '/dev/c', permissions: 'rwm' },
      { source: '/dev/d', target: '/dev/e', permissions: 'r' },
    ]);
  });

  it('legacy external.name becomes name + external: true', () => {
    const { model, diags } = canon(
      'services: {}\nnetworks:\n  n:\n    external:\n      name: real\n',
    );
    expect(model.networks.n).toEqual({ external: true, name: 'real' });
    expect(diags.map((d) => d.code)).toEqual(['external-name-deprecated']);
  });
});

describe('commands and durations', () => {
  it('splits a command string like Compose', () => {
    const { s, diags } = svc(`command: echo "hello world" 'a b' c\\ d\nentrypoint: ["sh", "-c"]`);
    expect(diags).toEqual([]);
    expect(s.command).toEqual(['echo', 'hello world', 'a b', 'c d']);
    expect(s.entrypoint).toEqual(['sh', '-c']);
    expect(getLoc(s.command, 1)).toMatchObject({ line: 3, col: 14 });
  });

  it('warns where Compose silently cuts a command', () => {
    const { s, diags } = svc('command: npm ci && npm test');
    expect(s.command).toEqual(['npm', 'ci']);
    expect(diags[0]).toMatchObject({ code: 'command-truncated', severity: 'warning' });
  });

  it('rejects a command with an unclosed quote', () => {
    expect(svc(`command: echo "oops`).diags[0]?.code).toBe('command-invalid');
  });

  it('healthcheck.test string → CMD-SHELL, durations normalized', () => {
    const { s, diags } = svc(
      'healthcheck:\n  test: curl -f http://localhost\n  interval: 90s\n  timeout: 1.5s\n  start_period: 1h\n  start_interval: 500ms\nstop_grace_period: 1m30s',
    );
    expect(diags).toEqual([]);
    expect(s.healthcheck).toEqual({
      test: ['CMD-SHELL', 'curl -f http://localhost'],
      interval: '1m30s',
      timeout: '1.5s',
      start_period: '1h0m0s',
      start_interval: '500ms',
    });
    expect(s.stop_grace_period).toBe('1m30s');
    expect(isWritten(s.healthcheck, 'interval')).toBe(true);
  });

  it('reports an invalid duration at its position', () => {
    const { diags } = svc('stop_grace_period: 1m 30s');
    expect(diags[0]).toMatchObject({ code: 'duration-invalid', loc: { line: 3, col: 24 } });
  });
});

describe('x-nest', () => {
  it('canonicalizes inner services at depth 2, with paths in messages', () => {
    const { model, diags } = canon(`services:
  agent:
    image: a
    x-nest:
      services:
        runner:
          image: r
          ports: ["8080:80"]
          x-nest:
            services:
              db:
                image: postgres
                volumes: ["./pg:/var/lib/postgresql/data:ro"]
                depends_on: [cache]
                ports: ["70000:5432"]
            networks:
              n:
                external:
                  name: x
`);
    const runner = model.services.agent['x-nest'].services.runner;
    expect(runner.ports[0]).toMatchObject({ target: 80, published: '8080' });
    const db = runner['x-nest'].services.db;
    expect(db.volumes[0]).toMatchObject({ type: 'bind', read_only: true });
    expect(isWritten(db.volumes[0], 'read_only')).toBe(true);
    expect(db.depends_on.cache.condition).toBe('service_started');
    expect(runner['x-nest'].networks.n).toEqual({ external: true, name: 'x' });
    const err = diags.find((d) => d.code === 'port-out-of-range');
    expect(err).toMatchObject({
      summary:
        'services.agent.x-nest.services.runner.x-nest.services.db.ports[0]: published port 70000 is out of range 1–65535',
      loc: { line: 15, col: 25 },
    });
  });
});

describe('positions', () => {
  it('locAt finds the written entry behind a derived field', () => {
    const { model } = canon('services:\n  s:\n    volumes:\n      - ./a:/a\n');
    expect(locAt(model, ['services', 's', 'volumes', 0, 'bind', 'create_host_path'])).toMatchObject(
      {
        line: 4,
        col: 9,
      },
    );
  });
});

describe('scale', () => {
  // Timing belongs in benchmarks (STYLE.md), not in tests: this checks a large file end to end.
  it('canonicalizes 10,000 services', () => {
    const model: any = { services: {} };
    for (let i = 0; i < 10_000; i++) {
      model.services[`s${i}`] = {
        image: 'x',
        ports: ['8080:80', '3000-3002'],
        volumes: ['./a:/a:ro', 'data:/data'],
        environment: ['A=1', 'B'],
        depends_on: ['db'],
        command: 'run --fast "a b"',
        healthcheck: { test: 'true', interval: '10s' },
      };
    }
    const diags = new Diagnostics();
    canonicalize(model, diags);
    expect(diags.items).toEqual([]);
    expect(model.services.s9999.ports).toHaveLength(4);
    expect(model.services.s0.volumes[0].read_only).toBe(true);
  });
});
