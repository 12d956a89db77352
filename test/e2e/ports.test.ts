import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX } from '../support/e2e-engine.js';
import { freePort, httpGet, pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// Pitfall 3, ports: a root service and two scopes all publish 127.0.0.1:P. The root keeps P
// (the user wrote it for themselves), the nested ones move; all three run, `nestc port` says
// where each went, and a GET on that port reaches the right server.
const wanted = await freePort();

const web = (text: string, indent: string): string =>
  [
    `image: ${BUSYBOX}`,
    `command: ['sh', '-c', 'mkdir -p /www && echo ${text} > /www/index.html && exec httpd -f -p 8080 -h /www']`,
    'stop_signal: SIGKILL',
    `ports: ['127.0.0.1:${wanted}:8080']`,
  ].join(`\n${indent}`);

const p = E2eProject.create(`
services:
  web:
    ${web('web-of-root', '    ')}
  a:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        web:
          ${web('web-of-a', '          ')}
  b:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        web:
          ${web('web-of-b', '          ')}
`);

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

/** `nestc port SERVICE 8080` → the host port it prints (`127.0.0.1:PORT`). */
async function portOf(service: string, spec = '8080'): Promise<number> {
  const r = await p.ok(['port', service, spec]);
  const m = /^127\.0\.0\.1:(\d+)$/.exec(r.stdout.trim());
  if (!m) throw new Error(`\`nestc port ${service} ${spec}\` printed ${JSON.stringify(r.stdout)}`);
  return Number(m[1]);
}

describe('ports: the same host port asked for three times', () => {
  it(
    'all three services run',
    () =>
      p.scenario(async () => {
        await p.up();
        for (const path of ['web', 'a/web', 'b/web']) {
          const c = await p.engine.containers.inspect(await p.id(path));
          expect(c.state, `${path} is running`).toBe('running');
        }
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    '`nestc port` gives the root its written port and the scopes distinct others',
    () =>
      p.scenario(async () => {
        const root = await portOf('web');
        const a = await portOf('a/web');
        const b = await portOf('b/web', '8080/tcp');
        expect(root, 'the root service keeps the port it wrote').toBe(wanted);
        expect(new Set([root, a, b]).size, `distinct ports: ${root}, ${a}, ${b}`).toBe(3);
        for (const [path, port] of [
          ['web', root],
          ['a/web', a],
          ['b/web', b],
        ] as const) {
          const c = await p.engine.containers.inspect(await p.id(path));
          expect(
            c.ports.map((x) => `${x.hostIp}:${x.hostPort}->${x.containerPort}`),
            `${path}: what the engine binds is what nestc port says`,
          ).toEqual([`127.0.0.1:${port}->8080`]);
        }
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    '`nestc ps --json` shows the same ports',
    () =>
      p.scenario(async () => {
        const r = await p.ok(['ps', '--json']);
        const ps = JSON.parse(r.stdout) as {
          containers: { nest_path: string; state: string; ports: { host_port: number }[] }[];
        };
        const shown = Object.fromEntries(
          ps.containers.map((c) => [c.nest_path, c.ports.map((x) => x.host_port)]),
        );
        expect(shown).toEqual({
          a: [],
          'a/web': [await portOf('a/web')],
          b: [],
          'b/web': [await portOf('b/web')],
          web: [wanted],
        });
        expect(ps.containers.every((c) => c.state === 'running')).toBe(true);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'a GET on each port reaches the right server',
    () =>
      p.scenario(async () => {
        for (const [path, text] of [
          ['web', 'web-of-root'],
          ['a/web', 'web-of-a'],
          ['b/web', 'web-of-b'],
        ] as const) {
          const port = await portOf(path);
          const body = await pollUntil(`GET 127.0.0.1:${port} (${path})`, () => httpGet(port));
          expect(body, `127.0.0.1:${port} is ${path}`).toBe(text);
        }
      }),
    SCENARIO_TIMEOUT,
  );
});
