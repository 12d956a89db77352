import type { ResolveContext, Scope } from '../types.js';
import { translateBind } from './bind-volume.js';
import { translateScopeFiles, translateServiceFiles } from './host-paths.js';
import { pathView } from './path-view.js';

/**
 * The paths stage for the services of one scope (its parent already translated): bind sources,
 * build context and dockerfile, env_file (already folded), config and secret files become host
 * paths, or named volumes (`nocopy` / `subpath`) of the parent; located errors otherwise.
 *
 * An inner scope's paths are in its parent's view and go through the parent's mounts (rule 2);
 * the root scope's are in nestc's view and go through `--path-map`, a path it does not map
 * staying as it is (rule 9). Values are replaced inside the objects that hold them, so every
 * recorded source position stays valid. `working_dir` is a path inside the container and is
 * not touched.
 */
export function translateScopePaths(scope: Scope, ctx: ResolveContext): void {
  const view = pathView(scope, ctx);
  translateScopeFiles(view, scope);
  for (const node of scope.nodes.values()) {
    (node.service.volumes ?? []).forEach((vol, i) => translateBind(view, node, vol, i));
    translateServiceFiles(view, node);
  }
}
