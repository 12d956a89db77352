import path from 'node:path';
import type { SourceLoc } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import type { Env, LoadContext } from './context.js';
import {
  ExtendsResolver,
  type ExtendsSource,
  type OpenExtendsFile,
} from './extends/resolve-scope.js';
import { loadFile } from './load-file.js';
import { resolveServicePaths } from './paths.js';

export { ExtendsResolver, type ExtendsSource, type OpenExtendsFile };

type Obj = Record<string, unknown>;

/**
 * The extends stage of one Compose file (compose-go's `ApplyExtends`): every service with
 * `extends` becomes the merge of its base under it. `extends.file` is relative to the directory
 * of the file that declares it; the other file is loaded once per load (read, interpolated with
 * the same environment, validated, canonical), and the relative paths of a service taken from it
 * are made absolute against its own directory. Then each inline `x-nest.services` scope, at any
 * depth, resolves its own `extends` the same way, where a bare `extends` names a service of that
 * scope; an inner `extends.file` is a path in the parent container's view, so it is left for the
 * resolver.
 */
export function applyExtends(model: RawModel, file: string, env: Env, ctx: LoadContext): void {
  if (!isObj(model.services)) return;
  const { top, inner } = resolversFor(env, ctx);
  top.resolveAll({ services: model.services, file });
  // Keys then lookups, not Object.values: see `normalize/obj.ts` on large mappings.
  const services = model.services;
  for (const name of Object.keys(services)) resolveInlineScopes(services[name], file, inner);
}

/** Resolve `extends` inside every inline `x-nest.services` below `service`. */
function resolveInlineScopes(service: unknown, file: string, resolver: ExtendsResolver): void {
  if (!isObj(service)) return;
  const nest = service['x-nest'];
  if (!isObj(nest) || !isObj(nest.services)) return;
  resolver.resolveAll({ services: nest.services, file });
  for (const inner of Object.values(nest.services)) resolveInlineScopes(inner, file, resolver);
}

interface Resolvers {
  /** Top-level services: `extends.file` is loaded. */
  top: ExtendsResolver;
  /** Inline scopes: `extends.file` is deferred to the resolver. */
  inner: ExtendsResolver;
}

/**
 * One pair of resolvers per load and environment (an included project has its own), so an
 * `extends.file` is loaded once and a broken chain in it is reported once.
 */
const RESOLVERS = new WeakMap<LoadContext, WeakMap<Env, Resolvers>>();

function resolversFor(env: Env, ctx: LoadContext): Resolvers {
  let byEnv = RESOLVERS.get(ctx);
  if (!byEnv) RESOLVERS.set(ctx, (byEnv = new WeakMap()));
  let r = byEnv.get(env);
  if (!r) {
    r = {
      top: new ExtendsResolver(ctx.diags, fileOpener(env, ctx)),
      inner: new ExtendsResolver(ctx.diags, () => 'defer'),
    };
    byEnv.set(env, r);
  }
  return r;
}

/** Loads `extends.file` relative to the declaring file, once per path. */
function fileOpener(env: Env, ctx: LoadContext): OpenExtendsFile {
  const sources = new Map<string, ExtendsSource | null>();
  return (ref: string, from: ExtendsSource, at: SourceLoc | undefined) => {
    const abs = path.resolve(path.dirname(from.file), ref);
    const known = sources.get(abs);
    if (known !== undefined) return known ?? undefined;
    const model = loadFile(abs, env, ctx, at);
    const source: ExtendsSource | null = model
      ? {
          services: isObj(model.services) ? model.services : {},
          file: abs,
          rebase: (service: Obj) => resolveServicePaths(service, path.dirname(abs), env, ctx.diags),
        }
      : null;
    sources.set(abs, source);
    return source ?? undefined;
  };
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
