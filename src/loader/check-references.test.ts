import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import type { Project } from '../model/compose.js';
import { checkReferences, type CheckOptions } from './check-references.js';
import { readYaml } from './read-yaml.js';

function check(yaml: string, opts?: CheckOptions) {
  const diags = new Diagnostics();
  const p = readYaml(yaml, '/p/compose.yaml', diags).docs[0] as Project;
  checkReferences(p, diags, opts);
  return diags.items.map((d) => ({
    code: d.code,
    line: d.loc?.line,
    col: d.loc?.col,
    summary: d.summary,
  }));
}

describe('checkReferences', () => {
  it('accepts a consistent project', () => {
    expect(
      check(`
services:
  web:
    image: x
    depends_on: { db: { condition: service_started, required: true } }
    links: [db:database]
    volumes_from: [db:ro, container:other]
    ipc: service:db
    networks: { back: null }
    volumes: [{ type: volume, source: data, target: /d }, { type: volume, target: /anon }]
    configs: [{ source: c }]
    secrets: [{ source: s }]
  db: { build: { context: /p } }
networks: { back: {} }
volumes: { data: {} }
configs: { c: { file: /c } }
secrets: { s: { file: /s } }
`),
    ).toEqual([]);
  });

  it('reports an unknown depends_on service at its key', () => {
    expect(
      check(
        'services:\n  web:\n    image: x\n    depends_on:\n      db: { condition: service_started }\n',
      ),
    ).toEqual([
      {
        code: 'ref-unknown-service',
        line: 5,
        col: 7,
        summary: 'service "web" depends on undefined service "db"',
      },
    ]);
  });

  it('skips required: false unless profiles say the service does not exist', () => {
    const yaml =
      'services:\n  web:\n    image: x\n    depends_on:\n      db: { required: false }\n';
    expect(check(yaml)).toEqual([]);
    expect(check(yaml, { disabled: new Set(['db']) })).toEqual([]);
    expect(check(yaml, { disabled: new Set() })).toMatchObject([
      { code: 'ref-unknown-service', line: 5 },
    ]);
  });

  it('reports links, volumes_from and service: namespaces at their entries, once each', () => {
    const out = check(`
services:
  web:
    image: x
    links: [db:alias]
    volumes_from: [store:ro, container:fine]
    network_mode: service:vpn
    pid: service:vpn
    depends_on: { db: { condition: service_started, required: true } }
`);
    expect(out.map((d) => [d.code, d.line, d.summary])).toEqual([
      ['ref-unknown-service', 5, 'service "web" links to undefined service "db"'],
      ['ref-unknown-service', 6, 'service "web" takes volumes from undefined service "store"'],
      ['ref-unknown-service', 7, 'service "web" shares network_mode with undefined service "vpn"'],
    ]);
  });

  it('reports undeclared networks, volumes, configs and secrets', () => {
    const out = check(`
services:
  web:
    image: x
    networks: { front: null }
    volumes:
      - { type: volume, source: data, target: /d }
      - { type: bind, source: /host, target: /h }
    configs: [{ source: conf }]
    secrets: [{ source: key }]
    build: { context: /p, secrets: [{ source: bkey }] }
`);
    expect(out.map((d) => [d.code, d.line])).toEqual([
      ['ref-unknown-network', 5],
      ['ref-unknown-volume', 7],
      ['ref-unknown-config', 9],
      ['ref-unknown-secret', 10],
      ['ref-unknown-secret', 11],
    ]);
  });

  it('reports the consistency rules of Compose', () => {
    const out = check(`
services:
  noimg: { restart: always }
  both: { image: x, network_mode: host, networks: { default: null } }
  scaled: { image: x, container_name: one, scale: 3 }
  dup: { image: x, container_name: one }
  inline: { build: { context: /p, dockerfile: D, dockerfile_inline: "FROM x" } }
networks: { default: {} }
secrets: { nosrc: {}, ext: { external: true } }
`);
    expect(out.map((d) => [d.code, d.line])).toEqual([
      ['service-no-image', 3],
      ['network-mode-and-networks', 4],
      ['container-name-with-scale', 5],
      ['container-name-duplicate', 6],
      ['build-dockerfile-conflict', 7],
      ['secret-no-source', 9],
    ]);
  });

  it('does not look inside x-nest', () => {
    expect(
      check(
        'services:\n  a:\n    image: x\n    x-nest:\n      services:\n        t: { depends_on: { nope: {} } }\n',
      ),
    ).toEqual([]);
  });
});
