import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, dockerExec, dockerInspect } from '../support/e2e-engine.js';
import { pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// Pitfall 1, paths: a grandchild's bind source is a path in its parent's view. Three levels:
// the host's ./data is the root service's /data; the agent mounts /data/work (the root's view)
// at /work; the job mounts /work/out (the agent's view) at /out and writes a file there. The
// file must appear at ./data/work/out on the host, and the agent must see it at /work/out.

const p = E2eProject.create(`
services:
  ci:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    volumes: ['./data:/data']
    x-nest:
      services:
        agent:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
          volumes: ['/data/work:/work']
          x-nest:
            services:
              job:
                image: ${BUSYBOX}
                command: ['sh', '-c', 'echo hi > /out/result.txt']
                volumes: ['/work/out:/out']
`);
mkdirSync(p.path('data/work/out'), { recursive: true });

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

describe('paths: a grandchild writes through its parent view', () => {
  it(
    'the file the job writes to /out appears at ./data/work/out on the host',
    () =>
      p.scenario(async () => {
        await p.up();
        const job = await p.id('ci/agent/job');
        const exited = await pollUntil('ci/agent/job to exit', async () => {
          const s = (await dockerInspect(job)).State;
          return s.Status === 'exited' ? s : undefined;
        });
        expect(exited.ExitCode, 'the job exits 0 (it could write /out/result.txt)').toBe(0);

        const expected = p.path('data/work/out/result.txt');
        await pollUntil(`${expected} to exist`, () => existsSync(expected));
        expect(readFileSync(expected, 'utf8')).toBe('hi\n');
        expect(
          findFiles(p.dir, 'result.txt'),
          'the file is written once, at the translated path, nowhere else under the project',
        ).toEqual([path.join('data', 'work', 'out', 'result.txt')]);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    "the parent sees the job's file at the path it gave, in its own view",
    () =>
      p.scenario(async () => {
        const agent = await p.id('ci/agent');
        const r = await dockerExec(agent, ['cat', '/work/out/result.txt']);
        expect(r, 'agent: cat /work/out/result.txt').toMatchObject({ exitCode: 0, stdout: 'hi' });
        const root = await p.id('ci');
        const r2 = await dockerExec(root, ['cat', '/data/work/out/result.txt']);
        expect(r2, 'ci: cat /data/work/out/result.txt').toMatchObject({
          exitCode: 0,
          stdout: 'hi',
        });
      }),
    SCENARIO_TIMEOUT,
  );
});

/** Paths (relative to `dir`) of every file named `name` below `dir`. */
function findFiles(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
