import { describe, expect, it } from 'vitest';
import type { FlatGraph } from '../resolve/types.js';
import { testGraph } from './compile-test-graph.js';
import { graphModel } from './graph-model.js';
import { dotProblems, mermaidProblems } from './graph-test-check.js';
import { renderGraph } from './graph.js';

/** The lines of `text` between a line that contains `from` and the line that closes it. */
const block = (text: string, from: string, close: string): string[] => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(from));
  const indent = lines[start]!.length - lines[start]!.trimStart().length;
  const end = lines.findIndex((l, i) => i > start && l === ' '.repeat(indent) + close);
  return lines.slice(start + 1, end).map((l) => l.trim());
};

describe('graph model', () => {
  it('nests scopes as they nest, labelled "x-nest of PARENT" (root: "project NAME")', () => {
    const m = graphModel(testGraph());
    expect(m.root.label).toBe('project ci');
    expect(m.root.children.map((c) => c.label)).toEqual(['x-nest of agent']);
    expect(m.root.children[0]!.children.map((c) => c.label)).toEqual(['x-nest of agent/runner']);
    expect(m.root.children[0]!.nodes.map((n) => n.lines[0])).toEqual(['db', 'runner', 'tests']);
  });

  it('labels a service with inner name, flat name and its published ports (and what was written when it moved)', () => {
    const m = graphModel(testGraph());
    const agentDb = m.root.children[0]!.nodes[0]!;
    expect(agentDb.lines).toEqual(['db', 'flat: agent-db', '20000->5432/tcp (written 5432)']);
    const job = m.root.children[0]!.children[0]!.nodes[0]!;
    expect(job.lines).toEqual(['job', 'flat: agent-runner-job', '[::1]:9000->9000/udp']);
  });

  it('puts each network in the scope that declares it', () => {
    const m = graphModel(testGraph());
    expect(m.root.networks.map((n) => n.lines)).toEqual([['network default']]);
    expect(m.root.children[0]!.networks.map((n) => n.lines)).toEqual([['network agent-default']]);
  });

  it('has depends_on edges (with the condition when it is not "started") and network edges', () => {
    const m = graphModel(testGraph());
    const id = (flat: string) => `n${testGraph().services.findIndex((s) => s.flatName === flat)}`;
    expect(m.edges.filter((e) => e.kind === 'depends')).toEqual([
      { from: id('agent'), to: id('agent-db'), kind: 'depends' },
      { from: id('agent'), to: id('agent-runner'), kind: 'depends' },
      { from: id('agent'), to: id('agent-tests'), kind: 'depends' },
      { from: id('agent-runner'), to: id('agent-runner-job'), kind: 'depends' },
      { from: id('agent-tests'), to: id('agent-db'), kind: 'depends', label: 'healthy' },
    ]);
    expect(m.edges.filter((e) => e.kind === 'network' && e.from === id('agent'))).toHaveLength(2);
  });

  it('lists every flat service with its final ports', () => {
    expect(graphModel(testGraph()).flat.map((n) => n.lines)).toEqual([
      ['agent'],
      ['agent-db', '20000->5432/tcp'],
      ['agent-runner'],
      ['agent-runner-job', '[::1]:9000->9000/udp'],
      ['agent-tests'],
      ['db', '5432->5432/tcp'],
    ]);
  });

  it('finds the scopes from the services when the graph lists none', () => {
    const g: FlatGraph = { ...testGraph(), scopes: [] };
    const m = graphModel(g);
    expect(m.root.children[0]!.children[0]!.label).toBe('x-nest of agent/runner');
    // Without the scope list, networks have no known home: the root holds them all.
    expect(m.root.networks).toHaveLength(3);
  });
});

describe('graph views', () => {
  for (const format of ['mermaid', 'dot'] as const) {
    it(`${format}: the same graph gives the same bytes, whatever order its maps were built in`, () => {
      const g = testGraph();
      const reversed = Object.fromEntries(Object.entries(g.project.services).reverse());
      const shuffled = { ...g, project: { ...g.project, services: reversed } };
      expect(renderGraph(shuffled, format)).toBe(renderGraph(testGraph(), format));
    });
  }

  it('mermaid: a flowchart whose subgraphs nest as the scopes do, with a flat subgraph beside', () => {
    const text = renderGraph(testGraph(), 'mermaid');
    expect(mermaidProblems(text)).toEqual([]);
    const agent = block(text, 'subgraph s1["x-nest of agent"]', 'end');
    expect(agent).toContain('subgraph s2["x-nest of agent/runner"]');
    expect(agent).toContain('n1["db<br/>flat: agent-db<br/>20000-#62;5432/tcp (written 5432)"]');
    expect(agent).toContain('w0(["network agent-default"])');
    expect(block(text, 'subgraph flat["flat"]', 'end')).toContain('f5["db<br/>5432-#62;5432/tcp"]');
    expect(text).toContain('\n  n4 -->|"healthy"| n1\n');
    expect(text).toContain('\n  n0 -.- w0\n');
  });

  it('mermaid: quotes, # and angle brackets in a label cannot end it or mark it up', () => {
    const g = testGraph();
    g.project.name = 'a"b#c<d>';
    const text = renderGraph(g, 'mermaid');
    expect(text).toContain('subgraph s0["project a#34;b#35;c#60;d#62;"]');
    expect(mermaidProblems(text)).toEqual([]);
  });

  it('dot: a digraph with nested clusters, every id quoted, dashed network edges', () => {
    const text = renderGraph(testGraph(), 'dot');
    expect(dotProblems(text)).toEqual([]);
    const agent = block(text, 'subgraph "cluster_s1" {', '}');
    expect(agent[0]).toBe('label="x-nest of agent";');
    expect(agent).toContain('subgraph "cluster_s2" {');
    expect(agent).toContain('"n1" [label="db\\nflat: agent-db\\n20000->5432/tcp (written 5432)"];');
    expect(block(text, 'subgraph "cluster_flat" {', '}')).toContain(
      '"f5" [label="db\\n5432->5432/tcp"];',
    );
    expect(text).toContain('\n  "n4" -> "n1" [label="healthy"];\n');
    expect(text).toContain('\n  "n0" -> "w0" [style="dashed", arrowhead="none"];\n');
  });

  it('dot: a quote or backslash in a label is escaped', () => {
    const g = testGraph();
    g.project.name = 'a"b\\n';
    const text = renderGraph(g, 'dot');
    expect(text).toContain('label="project a\\"b\\\\n";');
    expect(dotProblems(text)).toEqual([]);
  });

  it('the structure checks catch what they are for', () => {
    expect(mermaidProblems('flowchart LR\n  subgraph s0["x"]\n')).not.toEqual([]);
    expect(mermaidProblems('flowchart LR\n  n0[x]\n')).not.toEqual([]);
    expect(dotProblems('digraph "g" {\n  "a" -> "b";\n')).not.toEqual([]);
    expect(dotProblems('digraph "g" {\n  a -> "b";\n}\n')).not.toEqual([]);
    expect(dotProblems('digraph "g" {\n  "a [label="x"];\n}\n')).not.toEqual([]);
  });
});
