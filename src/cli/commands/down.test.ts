import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAGE, recordingEngine, writeNestfile } from '../../apply/execute/execute-test-plan.js';
import { runEngineCli } from './apply-test-run.js';

const NESTFILE = `name: t
services:
  web:
    image: ${IMAGE}
    volumes: [data:/data]
  agent:
    image: ${IMAGE}
    x-nest:
      services:
        tests:
          image: ${IMAGE}
volumes:
  data: {}
`;

async function upped(yaml = NESTFILE) {
  const rec = recordingEngine();
  const file = writeNestfile(yaml);
  const r = await runEngineCli(['-f', file, 'up'], rec.engine);
  if (r.code !== 0) throw new Error(`up failed: ${r.stderr}`);
  return { ...rec, file };
}

describe('nestc down', () => {
  it('removes the containers, a parent before its children, then the networks', async () => {
    const { engine, file } = await upped();
    const r = await runEngineCli(['-f', file, 'down', '--parallel', '1'], engine);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const removed = r.stdout
      .split('\n')
      .filter((l) => / removed \(/.test(l))
      .map((l) => l.slice(0, l.indexOf(':')));
    expect(removed.indexOf('container t-agent-1 (agent)')).toBeLessThan(
      removed.indexOf('container t-agent-tests-1 (agent/tests)'),
    );
    expect(removed.slice(-2).sort()).toEqual(['network t_agent-default', 'network t_default']);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Removed 3 containers and 2 networks of project "t".',
    );
    expect(engine.store.containers.size).toBe(0);
    expect(engine.store.volumes.has('t_data')).toBe(true);
  });

  it('removes the volumes with --volumes', async () => {
    const { engine, file } = await upped();
    const r = await runEngineCli(['-f', file, 'down', '--volumes'], engine);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Removed 3 containers, 2 networks and 1 volume of project "t".');
    expect(engine.store.volumes.has('t_data')).toBe(false);
  });

  it('warns about an orphan and keeps it; --remove-orphans removes it', async () => {
    const { engine, file } = await upped();
    writeFileSync(file, NESTFILE.replace(/ {2}web:\n.*\n.*\n/, ''));
    const kept = await runEngineCli(['-f', file, 'down'], engine);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain('warning[apply-orphan]: container "t-web-1" (web)');
    expect(kept.stderr).toContain('warning[apply-down-kept]: network t_default is kept');
    expect([...engine.store.containers.values()].map((c) => c.name)).toEqual(['t-web-1']);
    const gone = await runEngineCli(['-f', file, 'down', '--remove-orphans'], engine);
    expect(gone).toMatchObject({ code: 0, stderr: '' });
    expect(engine.store.containers.size).toBe(0);
  });

  it('still removes everything labelled when the nestfile no longer loads, with a warning', async () => {
    const { engine, file } = await upped();
    // Valid YAML that Compose rejects (an unknown key): the name is still readable.
    writeFileSync(file, 'name: t\nservices:\n  web:\n    image: x\n    imagee: y\n');
    const r = await runEngineCli(['-f', file, 'down'], engine);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning[apply-nestfile-not-loaded]: the nestfile does not load (1 error); acting on every container labelled io.nestc.project=t',
    );
    expect(engine.store.containers.size).toBe(0);
  });

  it('says so when there is nothing to remove, and only reads', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['-f', writeNestfile(NESTFILE), 'down'], engine);
    expect(r).toMatchObject({ code: 0, stdout: 'Nothing to remove for project "t".\n' });
    expect(engine.stats.writes).toBe(0);
  });

  it('--json prints one JSON event per line, ending with the result', async () => {
    const { engine, file } = await upped();
    const r = await runEngineCli(['-f', file, 'down', '--json'], engine);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; action?: string });
    expect(events.at(-1)).toEqual({ type: 'result', ok: true });
    expect(events.filter((e) => e.type === 'op-done')).toHaveLength(5);
    expect(events.every((e) => e.type === 'result' || e.action === 'remove')).toBe(true);
  });
});
