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
  const ready = nodes.filter((n) => waiting.get(n.id) === 0);
  const done = new Set<string>();
  let failed = false;
  let running = 0;
  const stopped = (): boolean => failed && !opts.keepGoing;

  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (!stopped() && running < Math.max(1, parallel) && ready.length > 0) {
        const node = ready.shift()!;
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
