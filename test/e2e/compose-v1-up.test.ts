import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../src/apply/types.js';
import { DOCKER_COMPOSE } from '../support/docker-compose-v1.js';
import { BUSYBOX, dockerExec } from '../support/e2e-engine.js';
import { freePort, httpGet, pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// `nestc compile --compat v1` is a preprocessing step for CI: Debian's docker-compose 1.29 must
// run the flat file it writes with the same topology nestc itself applies. One nestfile with all
// three pitfalls: a child writes through a path in its parent's view (bind translated to the
// host), reaches its sibling by inner name, and asks for a host port the root service holds.
// docker-compose 1.29 (not nestc) then runs it, and the checks read the engine.

const port = await freePort();
const serve = (text: string): string =>
  `['sh', '-c', 'mkdir -p /www && echo ${text} > /www/index.html && exec httpd -f -p 8080 -h /www']`;

const p = E2eProject.create(`
services:
  web:
    image: ${BUSYBOX}
    command: ${serve('root-web')}
    stop_signal: SIGKILL
    ports: ['127.0.0.1:${port}:8080']
  agent:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    volumes: ['./work:/work']
    x-nest:
      services:
        db:
          image: ${BUSYBOX}
          command: ${serve('db-of-agent')}
          stop_signal: SIGKILL
          ports: ['127.0.0.1:${port}:8080']
        job:
          image: ${BUSYBOX}
          command: ['sh', '-c', 'echo written-by-job > /out/result && exec sleep 600']
          stop_signal: SIGKILL
          volumes: ['/work/out:/out']
          depends_on: [db]
`);

/** docker-compose 1.29 on the flat file, as the compiled project's name. */
const compose = (...args: string[]): Promise<{ exitCode?: number; all?: string }> =>
  execa(DOCKER_COMPOSE, ['-p', p.name, '-f', 'flat.yml', ...args], {
    cwd: p.dir,
    reject: false,
    all: true,
  });

afterAll(async () => {
  await compose('down', '--volumes', '--timeout', '1');
  await p.cleanup();
}, HOOK_TIMEOUT);

/** The container docker-compose started for a nest path (found by nestc's labels on it). */
async function containerOf(nestPath: string): Promise<string> {
  const all = await p.engine.containers.list({ label: [`${LABELS.project}=${p.name}`] });
  const c = all.find((x) => x.labels[LABELS.path] === nestPath);
  if (!c) throw new Error(`docker-compose started no container for ${nestPath}`);
  return c.id;
}

describe('docker-compose 1.29 runs the --compat v1 compile with the same topology', () => {
  let moved = 0;

  it(
    'compiles, and docker-compose up -d starts every service',
    () =>
      p.scenario(async () => {
        const range = `${port + 1}-${port + 40}`;
        await p.ok(['compile', '--compat', 'v1', '--port-range', range, '-o', 'flat.yml']);
        const json = await p.ok(['compile', '--format', 'json', '--port-range', range]);
        const map = (
          JSON.parse(json.stdout) as { ports: { nestPath: string; published: string }[] }
        ).ports;
        expect(map.find((m) => m.nestPath === 'web')?.published).toBe(String(port));
        moved = Number(map.find((m) => m.nestPath === 'agent/db')?.published);
        expect(moved).toBeGreaterThan(port);
        expect(readFileSync(p.path('flat.yml'), 'utf8')).not.toMatch(/^\s*x-nest:/m);

        const up = await compose('up', '-d');
        expect(up.exitCode, up.all).toBe(0);
        for (const nestPath of ['web', 'agent', 'agent/db', 'agent/job']) {
          const state = (await p.engine.containers.inspect(await containerOf(nestPath))).state;
          expect(state, nestPath).toBe('running');
        }
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    "the child's file lands at the host path its parent's bind gives",
    () =>
      p.scenario(async () => {
        const text = await pollUntil('the job to write its file', async () =>
          readFileSync(p.path('work/out/result'), 'utf8'),
        );
        expect(text.trim()).toBe('written-by-job');
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'the child reaches its sibling by inner name',
    () =>
      p.scenario(async () => {
        const job = await containerOf('agent/job');
        const body = await pollUntil('job to GET http://db:8080/', async () => {
          const r = await dockerExec(job, ['wget', '-q', '-O-', 'http://db:8080/']);
          if (r.exitCode !== 0) throw new Error(`wget exit ${r.exitCode}: ${r.stderr.trim()}`);
          return r.stdout.trim();
        });
        expect(body).toBe('db-of-agent');
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'the root keeps its port and the child answers on the port nestc moved it to',
    () =>
      p.scenario(async () => {
        expect(await pollUntil('web on its port', () => httpGet(port))).toContain('root-web');
        expect(await pollUntil('db on its moved port', () => httpGet(moved))).toContain(
          'db-of-agent',
        );
      }),
    SCENARIO_TIMEOUT,
  );
});
