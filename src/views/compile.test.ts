import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderCompile } from './compile.js';
import { renderConfig } from './config.js';
import { TEST_CWD, TEST_FILE, testGraph } from './compile-test-graph.js';

const yaml = (dialect?: 'compose-v1') =>
  renderCompile(testGraph(), {
    format: 'yaml',
    cwd: TEST_CWD,
    files: [TEST_FILE],
    ...(dialect ? { dialect } : {}),
  });

const header = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('#'));

describe('compile view (YAML)', () => {
  it('says where each flat service was declared, one line each, paths relative to cwd', () => {
    const lines = header(yaml());
    expect(lines[0]).toBe(
      '# Compiled by nestc from compose.yaml; do not edit: change the nestfile and compile again.',
    );
    expect(lines.filter((l) => l.includes(' <- '))).toEqual([
      '# agent <- agent (compose.yaml:6)',
      '# agent-db <- agent/db (compose.yaml:14)',
      '# agent-runner <- agent/runner (compose.yaml:16)',
      '# agent-runner-job <- agent/runner/job (compose.yaml:19)',
      '# agent-tests <- agent/tests (compose.yaml:22)',
      '# db <- db (compose.yaml:3)',
    ]);
  });

  it('lists the port map in claim order, with the reason a port moved and IPv6 in brackets', () => {
    expect(header(yaml()).filter((l) => l.includes(' ports['))).toEqual([
      '# db ports[0]: 5432 -> 5432/tcp',
      '# agent/db ports[0]: 5432 -> 20000/tcp (moved: conflict with db ports[0])',
      '# agent/runner/job ports[0]: [::1]:9000 -> 9000/udp',
    ]);
  });

  it('keeps a file outside cwd absolute, so the reader can still find it', () => {
    const text = renderCompile(testGraph(), {
      format: 'yaml',
      cwd: '/elsewhere',
      files: [TEST_FILE],
    });
    expect(text).toContain('# db <- db (/srv/ci/compose.yaml:3)');
    expect(text).toContain('from /srv/ci/compose.yaml;');
  });

  it('says "none published" when no service publishes a port', () => {
    const graph = { ...testGraph(), ports: [] };
    const text = renderCompile(graph, { format: 'yaml', cwd: TEST_CWD, files: [TEST_FILE] });
    expect(text).toContain('# Ports: none published\n');
  });

  it('is the header over exactly the config view of the flat project', () => {
    const text = yaml();
    const body = text.slice(text.indexOf('\nname: ci\n') + 1);
    expect(body).toBe(renderConfig(testGraph().project, 'yaml'));
    expect(
      text
        .slice(0, text.length - body.length)
        .split('\n')
        .every((l) => l === '' || l.startsWith('#')),
    ).toBe(true);
    expect(parse(text)).toEqual(parse(body));
  });

  it('gives byte-identical output for the same graph, whatever order its maps were built in', () => {
    const g = testGraph();
    const reversed = Object.fromEntries(Object.entries(g.project.services).reverse());
    const shuffled = { ...g, project: { ...g.project, services: reversed } };
    const opts = { format: 'yaml', cwd: TEST_CWD, files: [TEST_FILE] } as const;
    expect(renderCompile(shuffled, opts)).toBe(renderCompile(testGraph(), opts));
  });

  it('compose-v1: no top-level name, the -p to pass in the header, networks and volumes named', () => {
    const text = yaml('compose-v1');
    expect(text).toContain(
      '# For docker-compose 1.29, which reads no top-level name: run it with -p ci\n',
    );
    const doc = parse(text) as Record<string, Record<string, { name?: string }>>;
    expect(doc.name).toBeUndefined();
    expect(doc.networks!.default!.name).toBe('ci_default');
    expect(doc.volumes!.cache!.name).toBe('ci_cache');
  });

  it('compose-v1: writes the compose-spec name of a network or volume that has none', () => {
    const g = testGraph();
    g.project.networks = { default: null as never, ext: { external: true, name: 'shared' } };
    g.project.volumes = { cache: {} };
    const doc = parse(
      renderCompile(g, { format: 'yaml', cwd: TEST_CWD, files: [], dialect: 'compose-v1' }),
    ) as Record<string, Record<string, { name?: string }>>;
    expect(doc.networks).toEqual({
      default: { name: 'ci_default' },
      ext: { external: true, name: 'shared' },
    });
    expect(doc.volumes).toEqual({ cache: { name: 'ci_cache' } });
  });
});

describe('compile view (JSON)', () => {
  type Doc = {
    version: number;
    diagnostics: { code: string }[];
    project: { name?: string; services: Record<string, unknown> };
    services: {
      flatName: string;
      nestPath: string;
      depth: number;
      scope: string;
      source?: object;
    }[];
    ports: { nestPath: string; published: string; reason?: string; source?: object }[];
  };
  const json = (dialect?: 'compose-v1'): Doc =>
    JSON.parse(
      renderCompile(testGraph(), {
        format: 'json',
        cwd: TEST_CWD,
        files: [TEST_FILE],
        diagnostics: [{ code: 'w', severity: 'warning', summary: 's' }],
        ...(dialect ? { dialect } : {}),
      }),
    ) as Doc;

  it('holds the diagnostics, the project, and each service with its nest path and source', () => {
    const doc = json();
    expect(doc.version).toBe(1);
    expect(doc.diagnostics).toEqual([{ code: 'w', severity: 'warning', summary: 's' }]);
    expect(doc.project.name).toBe('ci');
    expect(Object.keys(doc.project.services)).toHaveLength(6);
    expect(doc.services[3]).toEqual({
      flatName: 'agent-runner-job',
      nestPath: 'agent/runner/job',
      depth: 2,
      scope: 'agent/runner',
      source: { file: TEST_FILE, line: 19, col: 15 },
    });
  });

  it('holds the port map, with why a port moved', () => {
    expect(json().ports[1]).toEqual({
      nestPath: 'agent/db',
      service: 'agent-db',
      index: 0,
      protocol: 'tcp',
      hostIp: '',
      target: 5432,
      written: '5432',
      published: '20000',
      reason: 'conflict with db ports[0]',
      source: { file: TEST_FILE, line: 15, col: 11 },
    });
  });

  it('prints the project in the chosen dialect', () => {
    expect(json('compose-v1').project.name).toBeUndefined();
  });
});
