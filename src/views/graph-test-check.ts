/**
 * Structural checks of the graph views' output that need no Mermaid or Graphviz installed: the
 * tests run everywhere, and the same text was checked by hand with `dot -Tsvg` and Mermaid's
 * own parser (see the docs).
 */

/** Every `subgraph` has its `end`, in order, and the indentation follows the nesting. */
export function mermaidProblems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.trimEnd().split('\n');
  if (lines[0] !== 'flowchart LR') problems.push(`first line: ${lines[0]}`);
  let depth = 0;
  const statement =
    /^(subgraph \w+\["[^"]*"\]|direction TB|end|\w+\["[^"]*"\]|\w+\(\["[^"]*"\]\)|\w+ -\.- \w+|\w+ -->(\|"[^"]*"\|)? \w+)$/;
  for (const line of lines.slice(1)) {
    const indent = line.length - line.trimStart().length;
    const s = line.trim();
    if (s === 'end') depth--;
    if (indent !== 2 * (depth + 1)) problems.push(`indent ${indent} at depth ${depth}: ${line}`);
    if (!statement.test(s)) problems.push(`not a statement: ${line}`);
    if (s.startsWith('subgraph ')) depth++;
    if (depth < 0) problems.push(`unmatched end: ${line}`);
  }
  if (depth !== 0) problems.push(`${depth} subgraph(s) not closed`);
  return problems;
}

/**
 * DOT: braces balance outside quoted strings, strings are closed, and every statement is one
 * of the forms the view writes, with every id quoted.
 */
export function dotProblems(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      else if (c === '\n') problems.push(`line break inside a string at ${i}`);
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) problems.push(`unmatched } at ${i}`);
  }
  if (inString) problems.push('unclosed string');
  if (depth !== 0) problems.push(`${depth} brace(s) not closed`);
  const str = '"(?:[^"\\\\]|\\\\.)*"';
  const attrs = `\\[\\w+=${str}(?:, \\w+=${str})*\\]`;
  const statement = new RegExp(
    `^(digraph ${str} \\{|(graph|node|edge) ${attrs};|subgraph ${str} \\{|label=${str};|\\}|${str} ${attrs};|${str} -> ${str}( ${attrs})?;)$`,
  );
  for (const line of text.trimEnd().split('\n')) {
    if (!statement.test(line.trim())) problems.push(`not a statement: ${line}`);
  }
  return problems;
}
