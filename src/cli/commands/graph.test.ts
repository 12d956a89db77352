import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../../../test/support/run-cli.js';
import { dotProblems, mermaidProblems } from '../../views/graph-test-check.js';
import { runWith } from './compile-test-run.js';

const NESTFILE = `name: ci
services:
  agent:
    image: busybox
    x-nest:
      services:
        db:
          image: postgres:16
          ports: ["5432:5432"]
        tests:
          image: node:22
          depends_on: [db]
  pg:
    image: postgres:16
    ports: ["5432:5432"]
`;

describe('nestc graph', () => {
  it('draws Mermaid by default: the agent scope inside the root, the flat result beside', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['graph'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(mermaidProblems(res.stdout)).toEqual([]);
    expect(res.stdout).toContain('  subgraph s0["project ci"]\n');
    expect(res.stdout).toContain('    subgraph s1["x-nest of agent"]\n');
    expect(res.stdout).toContain('["db<br/>flat: agent-db<br/>20000-#62;5432/tcp (written 5432)"]');
    expect(res.stdout).toContain('  subgraph flat["flat"]\n');
  });

  it('draws DOT with --format dot, and writes -o FILE', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['graph', '--format', 'dot', '-o', 'g.dot'], dir);
    expect(res).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const text = fs.readFileSync(path.join(dir, 'g.dot'), 'utf8');
    expect(dotProblems(text)).toEqual([]);
    expect(text).toContain('subgraph "cluster_s1" {');
  });

  it('--json: the picture inside one JSON document', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const doc = JSON.parse((await runWith(['graph', '--json'], dir)).stdout) as {
      version: number;
      format: string;
      graph: string;
    };
    expect(doc.version).toBe(1);
    expect(doc.format).toBe('mermaid');
    expect(doc.graph.startsWith('flowchart LR\n')).toBe(true);
  });

  it('reports input errors like every command, and draws nothing', async () => {
    const dir = tempProject({ 'compose.yaml': NESTFILE });
    const res = await runWith(['graph', '--strict-ports'], dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^error\[nest-/m);
  });
});
