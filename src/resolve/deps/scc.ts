/**
 * Strongly connected components of a graph of `n` vertices (Tarjan), iterative so that a long
 * chain of dependencies cannot overflow the stack. Every cycle lies inside one component, so
 * reporting per component reports each knot of dependencies once. Components come out in the
 * order Tarjan finishes them; callers sort them.
 */
export function stronglyConnected(n: number, adj: readonly (readonly number[])[]): number[][] {
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
  };
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    visit(s);
    const work: [number, number][] = [[s, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const next = adj[v]!;
      if (i < next.length) {
        top[1] = i + 1;
        const w = next[i]!;
        if (index[w] === -1) {
          visit(w);
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] !== index[v]) continue;
      const comp: number[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack[w] = false;
        comp.push(w);
        if (w === v) break;
      }
      out.push(comp);
    }
  }
  return out;
}
