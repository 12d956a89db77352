import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../apply/types.js';
import type { Engine } from '../../engine/index.js';
import {
  cleanupTestRun,
  newTestRun,
  requireEngine,
  TEST_IMAGE,
} from '../../engine/engine-test-run.js';
import { runEngineCli } from './apply-test-run.js';

// up, ps, port, a second up and down through the CLI against the real engine: an agent that
// runs a web server as its child, published on an ephemeral port of 127.0.0.1. Every object
// carries this run's label and the project name is unique; all is removed at the end.
const run = newTestRun();
const project = `nestc-e2e-${run.id}`;
const NESTFILE = `services:
  agent:
    image: ${TEST_IMAGE}
    command: ["sleep", "300"]
    stop_grace_period: 1s
    x-nest:
      services:
        web:
          image: ${TEST_IMAGE}
          command: ["sh", "-c", "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www"]
          stop_grace_period: 1s
          ports: ["127.0.0.1::80"]
`;
let engine: Engine;
let file: string;

const cli = (...args: string[]) =>
  runEngineCli(['-f', file, '-p', project, ...args], engine, { extraLabels: run.labels });

beforeAll(async () => {
  engine = await requireEngine();
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nestc-e2e-')), 'compose.yaml');
  writeFileSync(file, NESTFILE);
});

afterAll(async () => {
  await cleanupTestRun(engine, run.id);
});

describe('nestc up, ps, port, down on the real engine', () => {
  it('brings the project up, shows it, answers on the published port, and takes it down', async () => {
    const up = await cli('up', '--wait', '--wait-timeout', '30');
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain(`container ${project}-agent-web-1 (agent/web): created`);
    expect(up.stdout).toMatch(
      /Ports \(nest path: container port -> host address\):\n {2}agent\/web {2}80\/tcp -> 127\.0\.0\.1:\d+\n/,
    );

    const ps = await cli('ps');
    expect(ps.code).toBe(0);
    const rows = ps.stdout.trimEnd().split('\n');
    expect(rows.slice(1).map((r) => r.split(/\s+/).slice(0, 4))).toEqual([
      [`${project}-agent-1`, 'agent', 'agent', 'running'],
      [`${project}-agent-web-1`, 'agent-web', 'agent/web', 'running'],
    ]);

    const port = await cli('port', 'agent/web', '80');
    expect(port.code).toBe(0);
    expect(port.stdout).toMatch(/^127\.0\.0\.1:\d+\n$/);
    expect(rows[2]).toContain(`${port.stdout.trim()}->80/tcp`);
    const res = await fetchWithRetry(`http://${port.stdout.trim()}/`);
    expect(res.trim()).toBe('hello');

    // Converged: a second up writes nothing.
    const writes = engine.stats.writes;
    const again = await cli('up');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes. The project matches the nestfile.');
    expect(engine.stats.writes).toBe(writes);

    const down = await cli('down');
    expect(down.stderr).toBe('');
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Removed 2 containers and 2 networks of project "${project}".`);
    const label = [`${LABELS.project}=${project}`];
    expect(await engine.containers.list({ label })).toEqual([]);
    expect(await engine.networks.list({ label })).toEqual([]);
  }, 90_000);
});

/** The server needs a moment after start; poll until it answers (or 10 s pass). */
async function fetchWithRetry(url: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const r = await fetch(url);
      return await r.text();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
