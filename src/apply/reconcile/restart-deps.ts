import type { DesiredContainer, Operation } from '../types.js';

/**
 * `depends_on: {db: {restart: true}}` means: when db is recreated, recreate me too (Compose
 * restarts the dependent; a recreated db has a new address and its clients' connections are
 * gone). Existing containers whose dependency is replaced become replacements themselves, with
 * the cause `dependency <nest path> replaced`, and so on down the chain.
 */
export function propagateRestarts(ops: Operation[], byService: Map<string, Operation[]>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const op of ops) {
      if (op.kind !== 'container' || op.existingId === undefined) continue;
      if (op.action === 'remove') continue;
      const c = op.desired as DesiredContainer;
      for (const service of Object.keys(c.dependsOn).sort()) {
        if (c.dependsOn[service]?.restart !== true) continue;
        const replaced = (byService.get(service) ?? []).find((d) => d.action === 'replace');
        if (!replaced) continue;
        const cause = `dependency ${replaced.label} replaced`;
        if (op.causes.includes(cause)) continue;
        if (op.action !== 'replace') {
          op.action = 'replace';
          op.causes = [];
        }
        op.causes.push(cause);
        changed = true;
      }
    }
  }
  // Causes were found in rounds; list them in name order so the plan does not show the rounds.
  for (const op of ops) {
    const own = op.causes.filter((c) => !c.startsWith('dependency '));
    const deps = op.causes.filter((c) => c.startsWith('dependency ')).sort();
    op.causes = [...own, ...deps];
  }
}
