import type { FlatGraph } from '../resolve/types.js';
import { graphModel, type GraphCluster, type GraphNode } from './graph-model.js';

/**
 * `nestc graph --format mermaid`: a Mermaid flowchart. The nested topology is a subgraph per
 * scope, nested as the scopes are, with services as boxes (inner name, flat name, published
 * ports) and networks as rounded nodes; beside it the `flat` subgraph lists the flat services
 * with their final ports. `depends_on` is a solid arrow to the dependency (labelled `healthy` or
 * `completed` when it waits for that); joining a network is a dotted line. Ids are generated
 * (`n0`, `w0`, `s0`, `f0`), so no name can clash with Mermaid's keywords, and every label is
 * quoted with Mermaid's entity codes for the characters that would end or mark it up.
 */
export function renderMermaid(graph: FlatGraph): string {
  const m = graphModel(graph);
  const out: string[] = ['flowchart LR'];
  cluster(m.root, 1, out);
  out.push('  subgraph flat["flat"]', '    direction TB');
  for (const n of m.flat) out.push(`    ${node(n, 'box')}`);
  out.push('  end');
  for (const e of m.edges) {
    if (e.kind === 'network') out.push(`  ${e.from} -.- ${e.to}`);
    else out.push(`  ${e.from} -->${e.label ? `|${quote(e.label)}|` : ''} ${e.to}`);
  }
  return out.join('\n') + '\n';
}

function cluster(c: GraphCluster, level: number, out: string[]): void {
  const pad = '  '.repeat(level);
  out.push(`${pad}subgraph ${c.id}[${quote(c.label)}]`, `${pad}  direction TB`);
  for (const n of c.nodes) out.push(`${pad}  ${node(n, 'box')}`);
  for (const n of c.networks) out.push(`${pad}  ${node(n, 'network')}`);
  for (const child of c.children) cluster(child, level + 1, out);
  out.push(`${pad}end`);
}

function node(n: GraphNode, shape: 'box' | 'network'): string {
  const label = quote(n.lines.map(escape).join('<br/>'), false);
  return shape === 'box' ? `${n.id}[${label}]` : `${n.id}([${label}])`;
}

/** A quoted Mermaid string; `escapeText` false when the text is escaped already. */
function quote(text: string, escapeText = true): string {
  return `"${escapeText ? escape(text) : text}"`;
}

/**
 * Mermaid's entity codes (`#quot;`, `#35;`) for what would end a quoted label (`"`), start an
 * entity (`#`) or read as markup (`<`, `>`, `&`) in the HTML labels Mermaid draws.
 */
function escape(s: string): string {
  return s.replace(/[#"<>&]/g, (c) => `#${c.charCodeAt(0)};`);
}
