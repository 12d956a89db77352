import type { FileObject, Network, Volume } from '../../model/compose.js';
import type { NestNode, Scope, ScopeResources } from '../types.js';

type Resources = Partial<{
  networks: Record<string, Network> | undefined;
  volumes: Record<string, Volume> | undefined;
  configs: Record<string, FileObject> | undefined;
  secrets: Record<string, FileObject> | undefined;
}>;

/** An empty scope (no nodes yet) over the given resources; keys are filled by the names stage. */
export function newScope(
  parent: NestNode | undefined,
  resources: Resources,
  workingDir?: string,
): Scope {
  const res: ScopeResources = {
    networks: resources.networks ?? {},
    volumes: resources.volumes ?? {},
    configs: resources.configs ?? {},
    secrets: resources.secrets ?? {},
  };
  return {
    path: parent?.nestPath ?? '',
    depth: parent ? parent.depth + 1 : 0,
    ...(parent ? { parent } : {}),
    ...(parent?.nest ? { nest: parent.nest } : {}),
    ...(workingDir !== undefined ? { workingDir } : {}),
    nodes: new Map(),
    ...res,
    keys: { networks: new Map(), volumes: new Map(), configs: new Map(), secrets: new Map() },
  };
}
