import { execa } from 'execa';
import { chmodSync, statSync } from 'node:fs';
import type { Server } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, projectObjects } from '../support/e2e-engine.js';
import { freePort, listenOn } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT, type CliRun } from '../support/e2e-project.js';

// Failure behaviour: when `up` cannot apply the project it says why in plain words, naming the
// object and what to do, exits 1, and creates nothing: not a network, not a volume, not a
// container. Each case has its own project.
const projects: E2eProject[] = [];

afterAll(async () => {
  const errors: unknown[] = [];
  for (const p of projects) await p.cleanup().catch((e: unknown) => errors.push(e));
  if (errors.length) throw errors[0];
}, HOOK_TIMEOUT);

/** A nestfile with a network, a volume and a good service beside the one that cannot run. */
function nestfile(bad: string): string {
  return `
services:
  good:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    volumes: ['data:/data']
  bad:
${bad}
volumes:
  data: {}
`;
}

function project(bad: string): E2eProject {
  const p = E2eProject.create(nestfile(bad));
  projects.push(p);
  return p;
}

/** Output a user should see: no JavaScript stack, no "internal error". */
function expectNoStack(r: CliRun): void {
  const out = r.stdout + r.stderr;
  expect(out, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(out, 'not reported as a bug of nestc').not.toMatch(/internal error/);
}

async function expectNothingCreated(p: E2eProject): Promise<void> {
  expect(await projectObjects(p.engine, p.name), 'objects with the project label').toEqual({
    containers: [],
    networks: [],
    volumes: [],
  });
}

describe('failure behaviour', () => {
  it(
    'an image that does not exist: a clear error naming it, exit 1, nothing created',
    async () => {
      const missing = `nestc-e2e/no-such-image:${Date.now().toString(36)}`;
      const p = project(`    image: ${missing}\n    command: [sleep, '600']`);
      await p.scenario(async () => {
        const r = await p.nestc(['up', '-d']);
        expect(r.code, 'exit code').toBe(1);
        expect(r.stderr, 'the error names the image').toContain(missing);
        expect(r.stderr).toMatch(/error\[apply-image-missing\]/);
        expectNoStack(r);
        await expectNothingCreated(p);
      });
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'a host port taken outside the engine: exit 1, the port named, nothing created',
    async () => {
      const port = await freePort();
      let server: Server | undefined;
      try {
        server = await listenOn(port);
        const p = project(
          `    image: ${BUSYBOX}\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n    ports: ['127.0.0.1:${port}:8080']`,
        );
        await p.scenario(async () => {
          const r = await p.nestc(['up', '-d']);
          expect(r.code, 'exit code').toBe(1);
          expect(r.stderr, 'the error names the port').toContain(`127.0.0.1:${port}`);
          expect(r.stderr).toMatch(/in use/);
          expectNoStack(r);
          await expectNothingCreated(p);
        });
      } finally {
        await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      }
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'no engine at DOCKER_HOST: exit 1, says no engine answers, no stack trace',
    async () => {
      const p = project(`    image: ${BUSYBOX}\n    command: [sleep, '600']`);
      await p.scenario(async () => {
        const env = { DOCKER_HOST: 'unix:///nonexistent.sock' };
        for (const args of [['up', '-d'], ['plan'], ['ps'], ['down']]) {
          const r = await p.nestc(args, env);
          expect(r.code, `exit code of nestc ${args.join(' ')}`).toBe(1);
          expect(r.stderr, `nestc ${args.join(' ')}`).toMatch(
            /error\[engine-unreachable\]: no Docker engine answers at unix:\/\/\/nonexistent\.sock/,
          );
          expectNoStack(r);
        }
        await expectNothingCreated(p);
      });
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'a replace whose new container cannot start: exit 1, the old container back under its name, running',
    async () => {
      const p = project(
        `    image: ${BUSYBOX}\n    command: [sleep, '600']\n    stop_signal: SIGKILL`,
      );
      await p.scenario(async () => {
        await p.up();
        const before = await p.ids();
        const oldBad = await p.id('bad');
        // The engine creates it, then fails to start it: there is no such binary to run.
        p.write(nestfile(`    image: ${BUSYBOX}\n    command: [/no/such/binary]`));
        const r = await p.nestc(['up', '-d']);
        expect(r.code, 'exit code').toBe(1);
        expect(r.stderr).toMatch(/starting container \S+ \(bad\): /);
        expectNoStack(r);
        expect(await p.ids(), 'the same containers, by id').toEqual(before);
        const old = await p.engine.containers.inspect(oldBad);
        expect(old.name, 'the old container has its name back').toBe(`${p.name}-bad-1`);
        expect(old.state, 'and runs again').toBe('running');
      });
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'a user without access to the socket: exit 1, permission denied in plain words, nothing created',
    async () => {
      const p = project(`    image: ${BUSYBOX}\n    command: [sleep, '600']`);
      await p.scenario(async () => {
        // A real refusal by the kernel: nestc runs as `nobody`, outside the socket's group.
        if (process.getuid?.() !== 0) {
          throw new Error(
            'this scenario runs nestc as another user, which needs root (CI runs as root)',
          );
        }
        const socket = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(
          'unix://',
          '',
        );
        expect(statSync(socket).mode & 0o007, 'the socket is closed to other users').toBe(0);
        chmodSync(p.dir, 0o755);
        chmodSync(p.path('compose.yaml'), 0o644);
        const cli = path.resolve(import.meta.dirname, '../../bin/nestc.js');
        const nobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
        const r = await execa('setpriv', [...nobody, process.execPath, cli, 'up', '-d'], {
          cwd: p.dir,
          env: { HOME: p.dir },
          reject: false,
        });
        expect(r.exitCode, 'exit code').toBe(1);
        expect(r.stderr).toContain(
          'error[engine-permission-denied]: permission denied on the Docker socket',
        );
        expect(r.stderr, 'says what to do').toMatch(
          /hint: add your user to the group that owns the socket/,
        );
        expectNoStack({ args: [], code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr });
        await expectNothingCreated(p);
      });
    },
    SCENARIO_TIMEOUT,
  );
});
