import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_RUN_LABEL } from '../../src/engine/engine-test-run.js';
import { BUSYBOX, DOCKER_CLI, dockerInspect } from '../support/e2e-engine.js';
import { pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// `socket: host`: the parent gets the engine socket, and the static docker client inside it
// starts a container at run time (Docker-outside-of-Docker). That container carries this run's
// label, so the safety net removes it whatever happens.
const p = E2eProject.create('services: {}');
const started = `${p.name}-runtime`;
p.write(`
services:
  ctl:
    image: ${DOCKER_CLI}
    command:
      - sh
      - -c
      - docker run --name ${started} --label ${TEST_RUN_LABEL}=${p.runId} ${BUSYBOX} echo started-by-ctl
    x-nest:
      socket: host
`);

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

describe('socket: host', () => {
  it(
    'a parent uses the static client to start a container at run time',
    () =>
      p.scenario(async () => {
        await p.up();
        const ctl = await p.id('ctl');
        const done = await pollUntil('ctl to finish its `docker run`', async () => {
          const s = (await dockerInspect(ctl)).State;
          return s.Status === 'exited' ? s : undefined;
        });
        const ctlLogs = await execa('docker', ['logs', ctl], { all: true, reject: false });
        expect(done.ExitCode, `ctl exits 0; its output:\n${ctlLogs.all}`).toBe(0);

        const runtime = await p.engine.containers.list({ label: [p.runLabel] });
        expect(runtime.map((c) => c.name)).toEqual([started]);
        const details = await dockerInspect(started);
        expect(details.State).toMatchObject({ Status: 'exited', ExitCode: 0 });
        const logs = await execa('docker', ['logs', started]);
        expect(logs.stdout.trim()).toBe('started-by-ctl');

        await p.engine.containers.remove(started, { force: true });
        expect(await p.engine.containers.list({ label: [p.runLabel] })).toEqual([]);
      }),
    SCENARIO_TIMEOUT,
  );
});
