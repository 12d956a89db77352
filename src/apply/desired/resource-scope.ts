import type { DesiredContext } from './context.js';

/**
 * The nest path of the scope that declares a network (`''` for the root), for the
 * `io.nestc.path` label every object carries: the flat graph lists each scope's networks.
 */
export function networkScope(ctx: DesiredContext, key: string): string | undefined {
  return ctx.graph.scopes.find((s) => s.networks.includes(key))?.path;
}

/**
 * The nest path of the scope that declares a named volume. The flat graph does not list a
 * scope's volumes, but it is exactly the scope of the shallowest service mounting it: a volume
 * is mounted by services of its own scope and, through their mounts, by their descendants only
 * (and one that no service mounts is not created).
 */
export function volumeScope(ctx: DesiredContext, key: string): string | undefined {
  let best: { depth: number; scope: string } | undefined;
  for (const info of ctx.graph.services) {
    const s = ctx.service(info.flatName);
    if (!s?.volumes?.some((v) => v.type === 'volume' && v.source === key)) continue;
    if (!best || info.depth < best.depth) best = { depth: info.depth, scope: info.scope };
  }
  return best?.scope;
}
