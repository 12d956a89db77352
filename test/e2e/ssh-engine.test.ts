import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSYBOX } from '../support/e2e-engine.js';
import { freePort, pollUntil } from '../support/e2e-poll.js';
import { E2eProject, HOOK_TIMEOUT, SCENARIO_TIMEOUT } from '../support/e2e-project.js';

// DOCKER_HOST=ssh://USER@HOST:PORT: nestc reaches the engine through SSH, as the docker CLI
// does (`docker system dial-stdio` on the far side), with the key in the agent of SSH_AUTH_SOCK.
// The far side is this machine: an sshd of the test's own on 127.0.0.1, which only this test's
// key may log in to, and which the test stops again (by the pid it started). Needs root (to
// start sshd and log in as root) and openssh-server (scripts/test.sh installs it).

const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-e2e-ssh-'));
const started: ResultPromise[] = [];
let sshEnv: Record<string, string> = {};

const p = E2eProject.create(`
services:
  agent:
    image: ${BUSYBOX}
    command: [sleep, '600']
    stop_signal: SIGKILL
    x-nest:
      services:
        db:
          image: ${BUSYBOX}
          command: [sleep, '600']
          stop_signal: SIGKILL
`);

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('the ssh:// scenario needs root to run sshd');
  for (const tool of ['/usr/sbin/sshd', '/usr/bin/ssh-keygen', '/usr/bin/ssh-agent']) {
    if (!existsSync(tool)) {
      throw new Error(
        `${tool} is missing: scripts/test.sh installs openssh-server and openssh-client`,
      );
    }
  }
  const key = (name: string): Promise<unknown> =>
    execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, name)]);
  await Promise.all([key('host'), key('user')]);
  await execa('cp', [path.join(dir, 'user.pub'), path.join(dir, 'authorized_keys')]);
  const port = await freePort();
  writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      'UsePAM no',
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      '',
    ].join('\n'),
  );
  execa('mkdir', ['-p', '/run/sshd']);
  const sshd = execa('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
    reject: false,
  });
  started.push(sshd);
  const agentSocket = path.join(dir, 'agent.sock');
  const agent = execa('ssh-agent', ['-D', '-a', agentSocket], { reject: false });
  started.push(agent);
  await pollUntil('ssh-agent to listen', async () => {
    if (!existsSync(agentSocket)) throw new Error('no socket yet');
    return true;
  });
  await execa('ssh-add', ['-q', path.join(dir, 'user')], { env: { SSH_AUTH_SOCK: agentSocket } });
  sshEnv = { DOCKER_HOST: `ssh://root@127.0.0.1:${port}`, SSH_AUTH_SOCK: agentSocket };
}, HOOK_TIMEOUT);

afterAll(async () => {
  try {
    await p.cleanup();
  } finally {
    for (const child of started) child.kill();
    await Promise.all(started);
    rmSync(dir, { recursive: true, force: true });
  }
}, HOOK_TIMEOUT);

describe('an engine at ssh://', () => {
  it(
    'up, ps and down work through SSH, and up again changes nothing',
    () =>
      p.scenario(async () => {
        const up = await p.nestc(['up', '-d'], sshEnv);
        expect(up.code, up.stderr).toBe(0);
        expect(up.stderr, 'no warning from the SSH client').toBe('');
        // What the engine has, seen through the local socket.
        expect([...(await p.ids()).keys()]).toEqual(['agent', 'agent/db']);

        const ps = await pollUntil('ps to show both running', async () => {
          const r = await p.nestc(['ps', '--json'], sshEnv);
          const rows = (
            JSON.parse(r.stdout) as { containers: { nest_path: string; state: string }[] }
          ).containers;
          if (rows.length !== 2) throw new Error(r.stdout);
          if (!rows.every((x) => x.state === 'running')) throw new Error(r.stdout);
          return rows;
        });
        expect(ps.map((x) => x.nest_path).sort()).toEqual(['agent', 'agent/db']);

        const again = await p.nestc(['plan', '--detailed-exitcode'], sshEnv);
        expect(again.code, again.stdout).toBe(0);

        const down = await p.nestc(['down'], sshEnv);
        expect(down.code, down.stderr).toBe(0);
        expect([...(await p.ids()).keys()]).toEqual([]);
      }),
    SCENARIO_TIMEOUT,
  );
});
