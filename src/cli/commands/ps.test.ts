import { describe, expect, it } from 'vitest';
import { IMAGE, recordingEngine, writeNestfile } from '../../apply/execute/execute-test-plan.js';
import { runEngineCli } from './apply-test-run.js';

const NESTFILE = `name: t
services:
  web:
    image: ${IMAGE}
    ports: ["127.0.0.1:8080:80"]
  agent:
    image: ${IMAGE}
    x-nest:
      services:
        db:
          image: ${IMAGE}
          healthcheck: { test: ["CMD", "true"] }
          ports: ["127.0.0.1:5432:5432", "127.0.0.1::53/udp"]
`;

async function upped() {
  const rec = recordingEngine({ healthOnStart: 'healthy' });
  const file = writeNestfile(NESTFILE);
  const r = await runEngineCli(['-f', file, 'up'], rec.engine);
  if (r.code !== 0) throw new Error(`up failed: ${r.stderr}`);
  return { ...rec, file };
}

describe('nestc ps', () => {
  it('lists the containers in nest-path order with state, health and ports', async () => {
    const { engine, file } = await upped();
    engine.exit('t-web-1', 0);
    const r = await runEngineCli(['-f', file, 'ps'], engine);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'NAME          SERVICE   NEST PATH  STATE    HEALTH   PORTS',
        't-agent-1     agent     agent      running  -',
        't-agent-db-1  agent-db  agent/db   running  healthy  127.0.0.1:32768->53/udp, 127.0.0.1:5432->5432/tcp',
        't-web-1       web       web        exited   -',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the versioned document', async () => {
    const { engine, file } = await upped();
    const r = await runEngineCli(['-f', file, 'ps', '--json'], engine);
    const doc = JSON.parse(r.stdout) as { project: string; containers: { nest_path: string }[] };
    expect(doc.project).toBe('t');
    expect(doc.containers.map((c) => c.nest_path)).toEqual(['agent', 'agent/db', 'web']);
  });

  it('makes one engine call and no write', async () => {
    const { engine, file } = await upped();
    const before = engine.stats.snapshot();
    await runEngineCli(['-f', file, 'ps'], engine);
    expect(engine.stats.reads - before.reads).toBe(1);
    expect(engine.stats.writes).toBe(before.writes);
  });
});

describe('nestc port', () => {
  it('prints HOST:PORT of one mapping, by nest path or flat name', async () => {
    const { engine, file } = await upped();
    for (const [args, out] of [
      [['agent/db', '5432'], '127.0.0.1:5432\n'],
      [['agent-db', '5432/tcp'], '127.0.0.1:5432\n'],
      [['agent/db', '53/udp'], '127.0.0.1:32768\n'],
      [['web', '80'], '127.0.0.1:8080\n'],
    ] as const) {
      const r = await runEngineCli(['-f', file, 'port', ...args], engine);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stdout: out, stderr: '' });
    }
  });

  it('prints every mapping of the service without PORT', async () => {
    const { engine, file } = await upped();
    const r = await runEngineCli(['-f', file, 'port', 'agent/db'], engine);
    expect(r.stdout).toBe('53/udp -> 127.0.0.1:32768\n5432/tcp -> 127.0.0.1:5432\n');
  });

  it('exits 1 with a clear message for an unknown service, port, or a stopped service', async () => {
    const { engine, file } = await upped();
    const svc = await runEngineCli(['-f', file, 'port', 'agent/nope', '80'], engine);
    expect(svc.code).toBe(1);
    expect(svc.stderr).toContain(
      'error[apply-service-unknown]: no container of service "agent/nope" in project "t"',
    );
    expect(svc.stderr).toContain('name it by nest path: agent, agent/db, web');
    const port = await runEngineCli(['-f', file, 'port', 'agent/db', '5433'], engine);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('error[apply-port-unknown]: agent/db publishes no port 5433/tcp');
    expect(port.stderr).toContain('it publishes 53/udp, 5432/tcp');
    engine.exit('t-web-1', 0);
    const stopped = await runEngineCli(['-f', file, 'port', 'web', '80'], engine);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('error[apply-service-not-running]: web is not running');
  });

  it('rejects a PORT that is not a port as a usage error', async () => {
    const { engine } = recordingEngine();
    const r = await runEngineCli(['port', 'web', 'http'], engine);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('write a container port as PORT or PORT/PROTO');
  });
});
