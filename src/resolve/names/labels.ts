import type { NestNode, ResolveContext } from '../types.js';

/** Label holding the root project's name on every emitted service. */
export const LABEL_PROJECT = 'io.nestc.project';

/**
 * Label holding a service's nest path (`agent/db`): how `ps`, `port` and the reconciler map a
 * running container back to its declaration, whatever its flat name became.
 */
export const LABEL_PATH = 'io.nestc.path';

/** Every emitted service carries both labels (rule 1); written last, so nestc's values win. */
export function addNestLabels(node: NestNode, ctx: ResolveContext): void {
  const labels = (node.service.labels ??= {});
  labels[LABEL_PROJECT] = ctx.projectName;
  labels[LABEL_PATH] = node.nestPath;
}
