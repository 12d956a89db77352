import { describe, expect, it } from 'vitest';
import { IMAGE, recordingEngine, writeNestfile } from '../../apply/execute/execute-test-plan.js';
import { BARE_HOST } from '../../apply/execute/execute-test-plan.js';
import { main } from '../main.js';
import { runEngineCli } from './apply-test-run.js';

const NESTFILE = `name: t
services:
  db:
    image: ${IMAGE}
  web:
    image: ${IMAGE}
    depends_on: [db]
    ports: ["127.0.0.1:8080:80"]
`;

describe('nestc up', () => {
  it('prints the plan, one progress line per event, then the port map', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'up'], engine);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const summary = 'Plan: 3 to create, 0 to replace, 0 to remove.\n\n';
    const plan = r.stdout.slice(0, r.stdout.indexOf(summary) + summary.length);
    const [progress, ports] = r.stdout.slice(plan.length).split('\n\n');
    expect(plan.startsWith('+ create network t_default\n')).toBe(true);
    const lines = (progress ?? '').split('\n');
    expect(lines).toContain('network t_default: creating');
    expect(
      lines.filter((l) => /^container t-web-1 \(web\): created \(\d+m?s\)$/.test(l)),
    ).toHaveLength(1);
    expect(lines.indexOf('container t-web-1 (web): starting')).toBeGreaterThan(
      lines.findIndex((l) => l.startsWith('container t-db-1 (db): created')),
    );
    expect(ports).toBe(
      'Ports (nest path: container port -> host address):\n  web  80/tcp -> 127.0.0.1:8080\n',
    );
    expect(engine.container('t-web-1').state).toBe('running');
  });

  it('a second up changes nothing: zero engine writes, same container ids', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(NESTFILE);
    expect((await runEngineCli(['-f', file, 'up', '-d'], engine)).code).toBe(0);
    const ids = [...engine.store.containers.keys()].sort();
    const writes = engine.stats.writes;
    const r = await runEngineCli(['-f', file, 'up'], engine);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes. The project matches the nestfile.');
    expect(engine.stats.writes).toBe(writes);
    expect([...engine.store.containers.keys()].sort()).toEqual(ids);
  });

  it('--dry-run prints the plan and creates nothing', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'up', '--dry-run'], engine);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: 3 to create');
    expect(r.stdout.trimEnd().endsWith('Dry run: nothing was changed.')).toBe(true);
    expect(engine.stats.writes).toBe(0);
  });

  it('--json prints one JSON event per line: plan, progress, ports, result', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'up', '--json'], engine);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    expect(events[0]?.type).toBe('plan');
    expect(events.at(-2)).toEqual({
      type: 'ports',
      ports: [
        {
          nest_path: 'web',
          service: 'web',
          name: 't-web-1',
          host_ip: '127.0.0.1',
          host_port: 8080,
          target: 80,
          protocol: 'tcp',
        },
      ],
    });
    expect(events.at(-1)).toEqual({ type: 'result', ok: true });
    expect(events.filter((e) => e.type === 'op-done').map((e) => e.address)).toEqual([
      'network:t_default',
      'container:t-db-1',
      'container:t-web-1',
    ]);
  });

  it('exits 1 and leaves nothing behind when a step fails (port held outside the engine)', async () => {
    const { engine } = recordingEngine();
    engine.holdHostPort('127.0.0.1', 8080);
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'up'], engine);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[engine-port-taken]');
    expect(r.stderr).toContain(
      'starting container t-web-1 (web): host port 127.0.0.1:8080 is in use by a process outside the engine',
    );
    expect(r.stdout).toContain('container t-db-1 (db): rollback: removing (created by this run)');
    expect(engine.store.containers.size).toBe(0);
    expect(engine.store.findNetwork('t_default')).toBeUndefined();
  });

  it('creates nothing on a planning error', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(
      [
        '-f',
        writeNestfile(
          NESTFILE.replace(`  web:\n    image: ${IMAGE}`, '  web:\n    image: absent:1'),
        ),
        'up',
      ],
      engine,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[apply-image-missing]');
    expect(engine.stats.writes).toBe(0);
  });

  it('--wait fails with apply-not-ready when a container stays unhealthy', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'unhealthy' });
    const r = await runEngineCli(
      [
        '-f',
        writeNestfile(
          `name: t\nservices:\n  db:\n    image: ${IMAGE}\n    healthcheck: { test: ["CMD", "true"] }\n`,
        ),
        'up',
        '--wait',
        '--wait-timeout',
        '1',
      ],
      engine,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[apply-not-ready]: container t-db-1 (db) is unhealthy');
    expect(r.stdout).toContain('container t-db-1 (db): waiting to be healthy');
  });

  it('--wait succeeds once every container runs and is healthy', async () => {
    const { engine } = recordingEngine({ healthOnStart: 'healthy' });
    const r = await runEngineCli(
      [
        '-f',
        writeNestfile(
          `name: t\nservices:\n  db:\n    image: ${IMAGE}\n    healthcheck: { test: ["CMD", "true"] }\n`,
        ),
        'up',
        '--wait',
      ],
      engine,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('container t-db-1 (db): healthy');
  });

  it('on a colour terminal draws the live view, rewriting its lines in place', async () => {
    const { engine } = recordingEngine();
    let stdout = '';
    const prev = process.env.FORCE_COLOR;
    process.env.FORCE_COLOR = '1';
    try {
      const code = await main(
        ['-f', writeNestfile(NESTFILE), 'up'],
        { stdout: (s) => void (stdout += s), stderr: () => {} },
        {
          engine: () => engine,
          host: () => BARE_HOST,
          stdoutTty: () => true,
          columns: () => 100,
          term: () => 'xterm-256color',
        },
      );
      expect(code).toBe(0);
    } finally {
      if (prev === undefined) delete process.env.FORCE_COLOR;
      else process.env.FORCE_COLOR = prev;
    }
    // Cursor up over the 3 lines, erase line, and the final frame with every object done.
    expect(stdout).toContain('\u001b[3F');
    expect(stdout).toContain('\u001b[2K');
    expect(stdout).toMatch(/✔ container t-web-1 \(web\) +created \(\d+m?s\)/);
    expect(stdout).not.toContain('container t-web-1 (web): creating\n');
  });

  it.each([
    [['--parallel', '0'], "option '--parallel <n>' argument '0' is invalid"],
    [['--wait-timeout', 'soon'], "option '--wait-timeout <seconds>' argument 'soon' is invalid"],
  ])('rejects %j as a usage error (exit 64)', async (args, message) => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'up', ...args], engine);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
    expect(engine.stats.reads + engine.stats.writes).toBe(0);
  });
});
