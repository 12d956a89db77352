import { afterAll, describe, expect, it } from 'vitest';
import { BUSYBOX, projectObjects } from '../support/e2e-engine.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// `plan --detailed-exitcode` as Terraform's: 2 when applying would change something, 0 when
// the engine matches the nestfile. `plan` itself never changes anything.

const nestfile = (greeting: string): string => `
services:
  web:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    environment: { GREETING: ${greeting} }
  a:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        job:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
`;

const p = E2eProject.create(nestfile('hello'));

afterAll(async () => {
  await p.cleanup();
}, HOOK_TIMEOUT);

describe('plan --detailed-exitcode', () => {
  it(
    'is 2 before up, and plan creates nothing',
    () =>
      p.scenario(async () => {
        const r = await p.nestc(['plan', '--detailed-exitcode']);
        expect(r.code, 'exit code of plan --detailed-exitcode before up').toBe(2);
        expect(await projectObjects(p.engine, p.name), 'nothing on the engine').toEqual({
          containers: [],
          networks: [],
          volumes: [],
        });
        const plain = await p.nestc(['plan']);
        expect(plain.code, 'plain `plan` exits 0 even when there are changes').toBe(0);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'is 0 after up',
    () =>
      p.scenario(async () => {
        await p.up();
        const r = await p.nestc(['plan', '--detailed-exitcode']);
        expect(r.code, 'exit code of plan --detailed-exitcode after up').toBe(0);
      }),
    SCENARIO_TIMEOUT,
  );

  it(
    'is 2 after a change, and the change is not applied',
    () =>
      p.scenario(async () => {
        const before = Object.fromEntries(await p.ids());
        p.write(nestfile('bye'));
        const r = await p.nestc(['plan', '--detailed-exitcode']);
        expect(r.code, 'exit code of plan --detailed-exitcode after a change').toBe(2);
        expect(r.stdout, 'the plan names the replaced service').toMatch(/web/);
        expect(Object.fromEntries(await p.ids()), 'plan replaced nothing').toEqual(before);
      }),
    SCENARIO_TIMEOUT,
  );
});
