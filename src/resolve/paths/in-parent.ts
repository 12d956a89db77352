import type { PathMapEntry, ResolveContext, Scope } from '../types.js';
import { mountsOf, type Mount } from './mounts.js';
import { rootMounts } from './path-view.js';
import {
  joinAbs,
  restBelow,
  joinSub,
  normalizeAbs,
  translatePath,
  type Translation,
} from './translate.js';

/**
 * A path written in `scope` (absolute, in the view of the scope's parent; root scope: nestc's
 * view) as the host sees it, and as nestc can read it (`nestcPath`, undefined when nestc cannot
 * see it: no path map covers it). The parent must already be translated.
 *
 * This is the second view of NESTFILE.md ("Two views of a path"): the scope loader reads an
 * inner file, `.env` or `env_file` at `nestcPath`. With no `--path-map` nestc runs on the host,
 * so it reads host paths directly, and a file inside a named volume is out of its reach. With
 * one, a host path or volume is read through the entry that maps it into nestc's container.
 * `parentMounts` is `mountsOf(scope.parent)`, when the caller has it already.
 */
export function resolveInParent(
  p: string,
  scope: Scope,
  ctx: ResolveContext,
  parentMounts?: readonly Mount[],
): { host: Translation; nestcPath?: string } {
  const parent = scope.parent;
  if (!parent) return { host: translatePath(p, rootMounts(ctx)), nestcPath: normalizeAbs(p) };
  const host = translatePath(p, parentMounts ?? mountsOf(parent));
  const nestcPath = readablePath(host, parent.scope, ctx);
  return nestcPath === undefined ? { host } : { host, nestcPath };
}

function readablePath(host: Translation, scope: Scope, ctx: ResolveContext): string | undefined {
  const map = ctx.options.pathMap ?? [];
  if (host.kind === 'bind')
    return map.length === 0 ? host.source : reverseHostPath(host.source, map);
  if (host.kind === 'volume' && map.length > 0) {
    return reverseVolume(engineVolumeName(host.volume, scope, ctx), host.subpath, map);
  }
  return undefined;
}

/** The path-map entry with the longest host path holding `source`, read back into nestc's view. */
function reverseHostPath(source: string, map: readonly PathMapEntry[]): string | undefined {
  let best: { container: string; rest: string; len: number } | undefined;
  for (const e of map) {
    if (e.host.kind !== 'path') continue;
    const rest = restBelow(source, normalizeAbs(e.host.path));
    if (rest !== undefined && (!best || e.host.path.length > best.len)) {
      best = { container: e.container, rest, len: e.host.path.length };
    }
  }
  return best && joinAbs(best.container, best.rest);
}

/** The same for a path inside an engine volume: an entry of that volume holding the subpath. */
function reverseVolume(
  name: string,
  subpath: string | undefined,
  map: readonly PathMapEntry[],
): string | undefined {
  const inside = subpath ?? '';
  let best: { container: string; rest: string; len: number } | undefined;
  for (const e of map) {
    if (e.host.kind !== 'volume' || e.host.name !== name) continue;
    const root = joinSub(e.host.subpath, '') ?? '';
    const rest = root === '' ? inside : restBelow(inside, root);
    if (rest !== undefined && (!best || root.length > best.len)) {
      best = { container: e.container, rest, len: root.length };
    }
  }
  return best && joinAbs(best.container, best.rest);
}

/**
 * The engine name of the volume with flat key `flat`, found in `scope` or a scope above it (a
 * parent's volume may come from any ancestor through its translated binds): its `name:`, else
 * for an external one its inner name, else Compose's `<project>_<key>`.
 */
export function engineVolumeName(flat: string, scope: Scope, ctx: ResolveContext): string {
  for (let s: Scope | undefined = scope; s; s = s.parent?.scope) {
    for (const [inner, vol] of Object.entries(s.volumes)) {
      if ((s.keys.volumes.get(inner) ?? inner) !== flat) continue;
      if (typeof vol?.name === 'string') return vol.name;
      return vol?.external === true ? inner : `${ctx.projectName}_${flat}`;
    }
  }
  return flat;
}
