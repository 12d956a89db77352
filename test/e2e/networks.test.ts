import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, dockerExec } from '../support/e2e-engine.js';
import { pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// Pitfall 2, networks: inner names resolve inside their scope. Two parents `a` and `b` each
// start a `db` (an HTTP server that answers with its own name) and an `app`. Each app reaches
// its own db as `db`, each parent reaches its children by their inner names, and neither scope
// sees the other's db.

const serve = (text: string): string =>
  `['sh', '-c', 'mkdir -p /www && echo ${text} > /www/index.html && exec httpd -f -p 8080 -h /www']`;

const p = E2eProject.create(`
services:
  a:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        db:
          image: ${BUSYBOX}
          command: ${serve('db-of-a')}
          stop_signal: SIGKILL
        app:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
          depends_on: [db]
  b:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        db:
          image: ${BUSYBOX}
          command: ${serve('db-of-b')}
          stop_signal: SIGKILL
        app:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
          depends_on: [db]
`);

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

/** What `wget http://HOST:8080/` prints inside the container of `from` (polled: servers start). */
// No `wget -T`: the static busybox's wget crashes (SIGSEGV) with it; dockerExec has a deadline.
async function fetchFrom(from: string, host: string): Promise<string> {
  const id = await p.id(from);
  return pollUntil(`${from} to GET http://${host}:8080/`, async () => {
    const r = await dockerExec(id, ['wget', '-q', '-O-', `http://${host}:8080/`]);
    if (r.exitCode !== 0) throw new Error(`wget exit ${r.exitCode}: ${r.stderr.trim()}`);
    return r.stdout.trim();
  });
}

describe('networks: inner names resolve in their own scope', () => {
  it(
    'up applies the project',
    () =>
      p.scenario(async () => {
        await p.up();
        expect([...(await p.ids()).keys()]).toEqual(['a', 'a/app', 'a/db', 'b', 'b/app', 'b/db']);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'a child reaches its sibling by its inner name',
    () =>
      p.scenario(async () => {
        expect(await fetchFrom('a/app', 'db')).toBe('db-of-a');
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'two scopes each with a db reach their own',
    () =>
      p.scenario(async () => {
        expect(await fetchFrom('a/app', 'db'), 'a/app asks for db').toBe('db-of-a');
        expect(await fetchFrom('b/app', 'db'), 'b/app asks for db').toBe('db-of-b');
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'the parent reaches its children by their inner names',
    () =>
      p.scenario(async () => {
        expect(await fetchFrom('a', 'db'), 'parent a asks for db').toBe('db-of-a');
        expect(await fetchFrom('b', 'db'), 'parent b asks for db').toBe('db-of-b');
        for (const parent of ['a', 'b']) {
          const r = await dockerExec(await p.id(parent), ['nslookup', 'app']);
          expect(r.exitCode, `${parent}: nslookup app\n${r.stdout}${r.stderr}`).toBe(0);
        }
      }),
    SCENARIO_TIMEOUT,
  );
});
