import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeConfig, dockerComposeVersion } from '../../../test/support/docker-compose-v1.js';
import { runCli, tempProject } from '../../../test/support/run-cli.js';
import { PLAIN_HOST, runWith } from './compile-test-run.js';

/** The example of NESTFILE.md, cut down: an agent that starts a database and a test runner. */
const NESTFILE = `name: ci
services:
  agent:
    image: busybox
    working_dir: /workspace
    volumes:
      - ./repo:/workspace
    x-nest:
      services:
        db:
          image: postgres:16
          ports: ["5432:5432"]
        tests:
          image: node:22
          volumes: ["./app:/app"]
          depends_on: [db]
  pg:
    image: postgres:16
    ports: ["5432:5432"]
`;

/** A child mounting a directory below the root of its parent's named volume: a `subpath`. */
const SUBPATH = `name: sub
services:
  agent:
    image: busybox
    volumes:
      - cache:/cache
    x-nest:
      services:
        job:
          image: busybox
          volumes:
            - /cache/npm:/root/.npm
volumes:
  cache: {}
`;

const ID = 'b'.repeat(64);

describe('nestc compile: usage errors (exit 64, one line saying what is wrong)', () => {
  it.each([
    [
      ['--port-range', '70000-1'],
      "option '--port-range <A-B>' argument '70000-1' is invalid. port 70000",
    ],
    [['--port-range', '9000'], 'is not a port range: write it as A-B'],
    [['--port-range', '30000-20000'], 'starts after it ends'],
    [['--path-map', 'rel=/srv/x'], 'container path "rel" in "rel=/srv/x" is not absolute'],
    [['--path-map', '/w'], 'has no "="'],
    [['--path-map', '/w=/srv/w', '--path-map', '/x=x'], 'host path "x" in "/x=x" is not absolute'],
    [['--format', 'xml'], "argument 'xml' is invalid. Allowed choices are yaml, json"],
    [['--compat', 'v2'], "argument 'v2' is invalid"],
  ])('%j', async (flags, message) => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runCli(['compile', ...flags], dir);
    expect(res.code).toBe(64);
    expect(res.stdout).toBe('');
    expect(res.stderr.split('\n')[0]).toContain(message);
  });

  it('graph rejects a bad --port-range and format the same way', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    expect((await runCli(['graph', '--port-range', '0-10'], dir)).code).toBe(64);
    expect((await runCli(['graph', '--format', 'svg'], dir)).code).toBe(64);
  });

  it('both commands are registered, with examples in their help', async () => {
    const top = await runCli(['--help'], process.cwd());
    expect(top.stdout).toMatch(/^ {2}compile \[options\]/m);
    expect(top.stdout).toMatch(/^ {2}graph \[options\]/m);
    for (const c of ['compile', 'graph']) {
      const h = await runCli([c, '--help'], process.cwd());
      expect(h.stdout).toContain('--port-range <A-B>');
      expect(h.stdout).toContain('--path-map <container=host>');
      expect(h.stdout).toMatch(/Examples:\n {2}\$ nestc /);
    }
  });
});

describe('nestc compile', () => {
  it('prints the flat Compose file with its header, and exits 0', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['compile'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('# agent-db <- agent/db (compose.yaml:10)\n');
    expect(res.stdout).toContain('# agent/db ports[0]: 5432 -> 20000/tcp (moved: ');
    expect(res.stdout).not.toMatch(/^[^#]*x-nest/m);
    const doc = parse(res.stdout) as {
      services: Record<string, { volumes?: { source: string }[] }>;
    };
    expect(Object.keys(doc.services)).toEqual(['agent', 'agent-db', 'agent-tests', 'pg']);
    expect(doc.services['agent-tests']!.volumes![0]!.source).toBe(path.join(dir, 'repo/app'));
  });

  it('moves ports into --port-range', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['compile', '--port-range', '31000-31009'], dir);
    expect(res.stdout).toContain('# agent/db ports[0]: 5432 -> 31000/tcp (moved: ');
  });

  it('makes a conflict an error with --strict-ports, and prints no file', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['compile', '--strict-ports'], dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^error\[nest-/m);
  });

  it('writes -o FILE, and leaves it alone when the input has errors', async () => {
    const dir = tempProject({
      'compose.yaml': NESTFILE,
      'bad.yaml': 'services:\n  a:\n    image: x\n    image: y\n',
    });
    const ok = await runWith(['compile', '-o', 'out/flat.yaml'], dir);
    expect(ok.code).toBe(1); // the directory does not exist
    expect(ok.stderr).toContain(
      'error[nest-output-write-failed]: cannot write out/flat.yaml: ENOENT',
    );
    fs.mkdirSync(path.join(dir, 'out'));
    const written = await runWith(['compile', '-o', 'out/flat.yaml'], dir);
    expect(written).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = fs.readFileSync(path.join(dir, 'out/flat.yaml'), 'utf8');
    expect(text).toContain('# agent <- agent (compose.yaml:3)');
    const failed = await runWith(['-f', 'bad.yaml', 'compile', '-o', 'out/flat.yaml'], dir);
    expect(failed.code).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'out/flat.yaml'), 'utf8')).toBe(text);
  });

  it('gives byte-identical output run twice, and the same from another directory with the same layout', async () => {
    const a = tempProject({ 'compose.yaml': NESTFILE });
    const first = await runWith(['compile', '--compat', 'v1'], a);
    expect((await runWith(['compile', '--compat', 'v1'], a)).stdout).toBe(first.stdout);
    const b = tempProject({ 'compose.yaml': NESTFILE });
    const header = (s: string) => s.split('\n').filter((l) => l.startsWith('#'));
    expect(header((await runWith(['compile'], b)).stdout)).toEqual(
      header((await runWith(['compile'], a)).stdout),
    );
  });

  it('output is read back by nestc config as a plain Compose file with the same services', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    await runWith(['compile', '-o', 'flat.yaml'], dir);
    const back = await runCli(['-f', 'flat.yaml', 'config', '--format', 'json'], dir);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    const project = JSON.parse(back.stdout) as { name: string; services: Record<string, object> };
    expect(project.name).toBe('ci');
    expect(Object.keys(project.services)).toEqual(['agent', 'agent-db', 'agent-tests', 'pg']);
  });

  it('--format json: the flat project, each service with nest path and source, the port map', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['compile', '--format', 'json'], dir);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as {
      version: number;
      diagnostics: unknown[];
      project: { services: object };
      services: object[];
      ports: { nestPath: string; published: string; reason?: string }[];
    };
    expect(doc.version).toBe(1);
    expect(doc.diagnostics).toEqual([]);
    expect(doc.services[1]).toEqual({
      flatName: 'agent-db',
      nestPath: 'agent/db',
      depth: 1,
      scope: 'agent',
      source: { file: path.join(dir, 'compose.yaml'), line: 10, col: 9 },
    });
    expect(doc.ports.map((p) => [p.nestPath, p.published])).toEqual([
      ['pg', '5432'],
      ['agent/db', '20000'],
    ]);
  });

  it('--json: one JSON document on stdout, also when the input has errors', async () => {
    const dir = tempProject({ 'compose.yaml': SUBPATH });
    const ok = JSON.parse((await runWith(['compile', '--json'], dir)).stdout) as {
      project?: object;
    };
    expect(ok.project).toBeDefined();
    const res = await runWith(['compile', '--json', '--compat', 'v1'], dir);
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout) as { project?: object; diagnostics: object[] };
    expect(doc.project).toBeUndefined();
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ code: 'nest-compat-v1-unsupported', line: 12, column: 15 }),
    ]);
  });

  it('--compat v1: a volume subpath is an error at the child volume entry', async () => {
    const dir = tempProject({ 'compose.yaml': SUBPATH });
    const res = await runWith(['compile', '--compat', 'v1', '-o', 'flat.yaml'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      'error[nest-compat-v1-unsupported]: services.agent-job.volumes[0].volume.subpath (agent/job): docker-compose 1.29 cannot express a volume subpath',
    );
    expect(res.stderr).toContain('--> compose.yaml:12:15');
    expect(fs.existsSync(path.join(dir, 'flat.yaml'))).toBe(false);
    // Without --compat v1 the same graph compiles: docker compose v2 has subpath.
    expect((await runWith(['compile'], dir)).code).toBe(0);
  });

  it("--compat v1: Debian's docker-compose 1.29 accepts the output", async () => {
    expect(await dockerComposeVersion(), 'install it: apt-get install -y docker-compose').toMatch(
      /^1\.29\./,
    );
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    expect((await runWith(['compile', '--compat', 'v1', '-o', 'flat.yaml'], dir)).code).toBe(0);
    const r = await composeConfig({ dir, files: ['flat.yaml'], env: {} }, 'ci');
    expect(r.stderr).toBe('');
    expect(r.ok).toBe(true);
    expect(r.stdout).toContain('name: ci_agent-default');
  }, 90_000);

  it('--compat v1: no top-level name, and the -p to use in the header', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['compile', '--compat', 'v1'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('run it with -p ci\n');
    expect((parse(res.stdout) as { name?: string }).name).toBeUndefined();
  });

  it('warns (with a code, no location) when it runs in a container without --path-map', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const inContainer = { ...PLAIN_HOST, containerId: () => ID };
    const res = await runWith(['compile'], dir, inContainer);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(
      /^warning\[nest-in-container-no-path-map\]: nestc runs in container bbbbbbbbbbbb /,
    );
    expect(res.stderr).not.toContain('-->');
    const mapped = await runWith(['compile', '--path-map', `${dir}=/srv/ci`], dir, inContainer);
    expect(mapped.stderr).toBe('');
  });
});
