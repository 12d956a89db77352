import type { NestNode, ResolveContext, Scope } from '../types.js';
import { engineEndpoint, socketPath, type EngineEndpoint } from './engine-socket.js';
import { mountsOf, pathMapMounts, type Mount } from './mounts.js';
import { declarePathMapVolume } from './path-map-volume.js';

/**
 * What the paths of one scope are written against: the mount table of the container whose view
 * they are in (the parent service, or nestc itself for the root scope), and how to name it in a
 * message. Built once per scope.
 */
export interface PathView {
  readonly ctx: ResolveContext;
  readonly scope: Scope;
  /** The parent service; absent for the root scope (nestc's own view). */
  readonly parent?: NestNode;
  readonly mounts: readonly Mount[];
  /** `agent`, or `nestc` for the root scope: whose filesystem a path is in. */
  readonly owner: string;
  /** The engine socket a child bind is compared with (rule 8). */
  readonly socket: string;
  readonly endpoint: EngineEndpoint;
  /** The flat key a translated volume is mounted by (root: declares a path-map volume). */
  volumeKey(volume: string): string;
}

/**
 * The view of `scope`. The root scope's table is `--path-map` with the identity mount `/ → /`
 * after it: a path no entry maps stays as it is, since nestc then runs on the host (or the user
 * mounted it at the same path on both sides).
 */
export function pathView(scope: Scope, ctx: ResolveContext): PathView {
  const common = {
    ctx,
    scope,
    socket: socketPath(ctx.options),
    endpoint: engineEndpoint(ctx.options),
  };
  const parent = scope.parent;
  if (parent) {
    return {
      ...common,
      parent,
      mounts: mountsOf(parent),
      owner: parent.nestPath,
      volumeKey: (v) => v,
    };
  }
  return {
    ...common,
    mounts: rootMounts(ctx),
    owner: 'nestc',
    volumeKey: (v) => declarePathMapVolume(scope, v),
  };
}

/** nestc's view of the host: `--path-map`, and everything else as it is. */
export function rootMounts(ctx: ResolveContext): Mount[] {
  return [
    ...pathMapMounts(ctx.options.pathMap ?? []),
    { kind: 'bind', target: '/', source: '/', readOnly: false },
  ];
}
