import type { FlatGraph } from '../resolve/types.js';
import { graphModel, type GraphCluster, type GraphNode } from './graph-model.js';

/**
 * `nestc graph --format dot`: the same picture as the Mermaid view, for Graphviz
 * (`nestc graph --format dot | dot -Tsvg > graph.svg`). Each scope is a `cluster_` subgraph
 * (Graphviz draws only those with a frame), nested as the scopes are; the `flat` cluster lists
 * the flat services. Every id and label is a quoted string, so no name can be read as a
 * keyword (`node`, `graph`, `edge`) or break the syntax.
 */
export function renderDot(graph: FlatGraph): string {
  const m = graphModel(graph);
  const out: string[] = [
    'digraph "nestc" {',
    '  graph [rankdir="LR", fontname="Helvetica", fontsize="11"];',
    '  node [shape="box", fontname="Helvetica", fontsize="10"];',
    '  edge [fontname="Helvetica", fontsize="9"];',
  ];
  cluster(m.root, 1, out);
  out.push('  subgraph "cluster_flat" {', '    label="flat";');
  for (const n of m.flat) out.push(`    ${node(n, 'box')}`);
  out.push('  }');
  for (const e of m.edges) {
    const attrs =
      e.kind === 'network'
        ? ' [style="dashed", arrowhead="none"]'
        : e.label
          ? ` [label=${q(e.label)}]`
          : '';
    out.push(`  ${q(e.from)} -> ${q(e.to)}${attrs};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

function cluster(c: GraphCluster, level: number, out: string[]): void {
  const pad = '  '.repeat(level);
  out.push(`${pad}subgraph ${q(`cluster_${c.id}`)} {`, `${pad}  label=${q(c.label)};`);
  for (const n of c.nodes) out.push(`${pad}  ${node(n, 'box')}`);
  for (const n of c.networks) out.push(`${pad}  ${node(n, 'network')}`);
  for (const child of c.children) cluster(child, level + 1, out);
  out.push(`${pad}}`);
}

function node(n: GraphNode, shape: 'box' | 'network'): string {
  const label = n.lines.map(escape).join('\\n');
  const style = shape === 'network' ? ', shape="ellipse", style="dashed"' : '';
  return `${q(n.id)} [label="${label}"${style}];`;
}

/** A DOT quoted string. */
function q(s: string): string {
  return `"${escape(s)}"`;
}

/** Inside a DOT string only `"` and `\` are special (a `\` starts `\n`, `\l`, `\N`, …). */
function escape(s: string): string {
  return s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ');
}
