/**
 * Walk a dependency graph with bounded parallelism: a node starts once every node it comes
 * after has finished, and every node it comes `afterReleased` has released it (called
 * `release`, or finished); at most `parallel` run at once; after a failure nothing new starts
 * (what is already running finishes), and every node that could not run is reported as skipped.
 * With `keepGoing` (`down`: remove all that can be removed) only the nodes that come after a
 * failed one, directly or not, are skipped. The executor's only scheduling logic, kept apart
 * so it can be tested on its own.
 *
 * Release exists for `down`: a container may be stopped once its dependents are stopped; it
 * need not wait for their removal too, which would put every removal on the critical path.
 *
 * Of the nodes that are ready, the one with the longest chain of nodes waiting on it runs first
 * (list scheduling by critical path, ties in the given order): with `--parallel` slots and an
 * engine that serializes starts, a first-come order left the longest dependency chain (a
 * grandchild → child → parent → the next root service) for the end, where it ran alone.
 */
export async function runGraph<
  T extends { id: string; after: readonly string[]; afterReleased?: readonly string[] },
>(
  nodes: readonly T[],
  parallel: number,
  run: (node: T, release: () => void) => Promise<void>,
  skipped: (node: T) => void,
  opts: { keepGoing?: boolean } = {},
): Promise<{ failed: boolean }> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, T[]>();
  const releaseDependents = new Map<string, T[]>();
  for (const n of nodes) {
    const deps = n.after.filter((d) => byId.has(d));
    const soft = (n.afterReleased ?? []).filter((d) => byId.has(d));
    waiting.set(n.id, deps.length + soft.length);
    for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), n]);
    for (const d of soft) releaseDependents.set(d, [...(releaseDependents.get(d) ?? []), n]);
  }
  const rank = chainLengths(nodes, dependents, releaseDependents);
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const ready = new ReadyQueue<T>(
    (a, b) => rank.get(b.id)! - rank.get(a.id)! || order.get(a.id)! - order.get(b.id)!,
  );
  for (const n of nodes) if (waiting.get(n.id) === 0) ready.push(n);
  const done = new Set<string>();
  let failed = false;
  let running = 0;
  const stopped = (): boolean => failed && !opts.keepGoing;

  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (!stopped() && running < Math.max(1, parallel) && ready.length > 0) {
        const node = ready.pop()!;
        running++;
        let released = false;
        const release = (): void => {
          if (released) return;
          released = true;
          unblock(releaseDependents.get(node.id));
          pump();
        };
        run(node, release).then(
          () => {
            release();
            finish(node, true);
          },
          () => finish(node, false),
        );
      }
      if (running === 0) resolve();
    };
    const finish = (node: T, ok: boolean): void => {
      running--;
      done.add(node.id);
      if (!ok) failed = true;
      else unblock(dependents.get(node.id));
      pump();
    };
    const unblock = (nodes: readonly T[] | undefined): void => {
      for (const d of nodes ?? []) {
        const left = waiting.get(d.id)! - 1;
        waiting.set(d.id, left);
        if (left === 0) ready.push(d);
      }
    };
    pump();
  });
  for (const n of nodes) if (!done.has(n.id)) skipped(n);
  return { failed };
}

/**
 * For each node, the number of nodes on the longest chain that starts at it and follows its
 * dependents (itself included): how much has to happen after it, one step after another.
 */
function chainLengths<T extends { id: string }>(
  nodes: readonly T[],
  dependents: ReadonlyMap<string, T[]>,
  releaseDependents: ReadonlyMap<string, T[]>,
): Map<string, number> {
  const memo = new Map<string, number>();
  const visit = (n: T): number => {
    const known = memo.get(n.id);
    if (known !== undefined) return known;
    memo.set(n.id, 1); // a cycle (a planning bug) must not recurse forever
    let longest = 0;
    for (const d of dependents.get(n.id) ?? []) longest = Math.max(longest, visit(d));
    for (const d of releaseDependents.get(n.id) ?? []) longest = Math.max(longest, visit(d));
    memo.set(n.id, longest + 1);
    return longest + 1;
  };
  for (const n of nodes) visit(n);
  return memo;
}

/** A binary heap: `pop` gives the item that `before` puts first. */
class ReadyQueue<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    const h = this.items;
    h.push(item);
    for (let i = h.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (this.before(h[i]!, h[up]!) >= 0) break;
      [h[i], h[up]] = [h[up]!, h[i]!];
      i = up;
    }
  }

  pop(): T | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!) < 0) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!) < 0) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
