import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE, recordingEngine, writeNestfile } from '../../apply/execute/execute-test-plan.js';
import { connectEngine } from '../../engine/connect-engine.js';
import { MemoryEngine } from '../../engine/memory-engine.js';
import { runEngineCli } from './apply-test-run.js';

const NESTFILE = `name: t
services:
  web:
    image: ${IMAGE}
    ports: ["127.0.0.1:8080:80"]
`;

describe('nestc plan', () => {
  it('prints the plan and the port map, and changes nothing', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(NESTFILE);
    const r = await runEngineCli(['-f', file, 'plan'], engine);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '+ create network t_default',
        '+ create container t-web-1 (web)',
        '',
        'Ports (nest path and entry: host port as written, host port it got, protocol):',
        '  web ports[0]: 127.0.0.1:8080 -> 8080/tcp',
        '',
        'Plan: 2 to create, 0 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
    expect(engine.stats.writes).toBe(0);
  });

  it('--detailed-exitcode: 2 before up, 0 after, 2 after a change', async () => {
    const { engine } = recordingEngine();
    const file = writeNestfile(NESTFILE);
    const plan = (): Promise<number> =>
      runEngineCli(['-f', file, 'plan', '--detailed-exitcode'], engine).then((r) => r.code);
    expect(await plan()).toBe(2);
    expect((await runEngineCli(['-f', file, 'up'], engine)).code).toBe(0);
    expect(await plan()).toBe(0);
    writeFileSync(file, NESTFILE.replace('ports:', 'environment: { A: "1" }\n    ports:'));
    expect(await plan()).toBe(2);
    // Without the flag, changes are still exit 0.
    expect((await runEngineCli(['-f', file, 'plan'], engine)).code).toBe(0);
  });

  it('--json prints the versioned plan document', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'plan', '--json'], engine);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { format_version: string; summary: object };
    expect(doc.format_version).toBe('1');
    expect(doc.summary).toEqual({ create: 2, replace: 0, start: 0, remove: 0, unchanged: 0 });
  });

  it('exits 1 with the diagnostic when planning finds an error (a missing image)', async () => {
    const engine = new MemoryEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'plan'], engine);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error[apply-image-missing]');
    expect(r.stderr).toContain(IMAGE);
  });

  it('exits 1 with engine-unreachable and no stack trace when no engine answers', async () => {
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'plan'], () =>
      connectEngine({ DOCKER_HOST: 'unix:///nonexistent/nestc-test/docker.sock' }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[engine-unreachable]');
    expect(r.stderr).toContain('unix:///nonexistent/nestc-test/docker.sock');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('exits 1 with engine-host-invalid for a DOCKER_HOST nestc cannot use', async () => {
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'plan'], () =>
      connectEngine({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[engine-host-invalid]');
    expect(r.stderr).not.toContain('internal error');
  });
});
