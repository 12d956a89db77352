import type { FlatGraph } from '../resolve/types.js';
import { renderDot } from './graph-dot.js';
import { renderMermaid } from './graph-mermaid.js';

/** The formats of `nestc graph`. */
export type GraphFormat = 'mermaid' | 'dot';

/**
 * The `graph` view: the nested topology beside its flat result, as Mermaid (renders in GitHub
 * and GitLab Markdown) or DOT (Graphviz). Both draw the same `GraphModel`.
 */
export function renderGraph(graph: FlatGraph, format: GraphFormat): string {
  return format === 'dot' ? renderDot(graph) : renderMermaid(graph);
}
