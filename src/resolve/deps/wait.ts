import type { Healthcheck } from '../../model/compose.js';
import type { ResolveContext, Scope, WaitMode } from '../types.js';
import { walkNodes } from '../types.js';

/**
 * The parent depends on its children as `x-nest.wait` says (rule 6): with `started` on each
 * direct child being started, with `healthy` on each child being healthy when the nestfile
 * declares a healthcheck for it (an image's own healthcheck cannot be known offline, so such a
 * child is waited for as started), and not at all with `none`. Only direct children: a
 * grandchild is already waited for by its own parent. The entries are added to the parent's
 * flat `depends_on` without a source position (they were derived, not written), so later
 * stages see one kind of edge; an entry that is already there is kept.
 */
export function addWaitDependencies(root: Scope, _ctx: ResolveContext): void {
  for (const node of walkNodes(root)) {
    const child = node.child;
    if (!child) continue;
    const mode: WaitMode = node.nest?.wait ?? child.nest?.wait ?? 'started';
    if (mode === 'none' || child.nodes.size === 0) continue;
    const deps = (node.service.depends_on ??= {});
    for (const kid of child.nodes.values()) {
      if (Object.hasOwn(deps, kid.flatName)) continue;
      const healthy = mode === 'healthy' && hasDeclaredHealthcheck(kid.service.healthcheck);
      deps[kid.flatName] = {
        condition: healthy ? 'service_healthy' : 'service_started',
        required: true,
      };
    }
  }
}

/**
 * True when the nestfile itself gives the service a check to run: a `test` is written and the
 * check is not turned off (`disable: true`, or `test: ["NONE"]`). A healthcheck without `test`
 * only tunes the image's own check, which nestc cannot see offline.
 */
export function hasDeclaredHealthcheck(hc: Healthcheck | undefined): boolean {
  if (!hc || hc.disable === true) return false;
  const test: unknown = hc.test;
  if (typeof test === 'string') return test !== '' && test !== 'NONE';
  if (!Array.isArray(test) || test.length === 0) return false;
  return test[0] !== 'NONE';
}
