import path from 'node:path';
import type { Env } from '../../loader/context.js';
import { ExtendsResolver, type ExtendsSource } from '../../loader/extends.js';
import { loadFile } from '../../loader/load-file.js';
import { resolveServicePaths } from '../../loader/paths.js';
import type { RawModel } from '../../model/compose.js';
import type { ResolveContext } from '../types.js';
import type { ScopeReader } from './scope-reader.js';

type Obj = Record<string, unknown>;

/**
 * `extends` of an inner project's services. A bare `extends` was resolved by the loader within
 * the scope; an `extends.file` is a path in the parent's view (relative: to the scope's working
 * directory), so the loader left it here, where it can be read through the parent's mounts.
 * The base file is interpolated with the scope's variables, and the relative paths of a service
 * taken from it mean its own directory (in the parent's view).
 */
export function resolveScopeExtends(
  model: RawModel,
  declaredIn: string,
  workingDir: string | undefined,
  env: Env,
  reader: ScopeReader,
  ctx: ResolveContext,
): void {
  const services = model.services;
  if (!isObj(services) || !Object.values(services).some((s) => isObj(s) && isObj(s.extends)))
    return;
  const loadCtx = { diags: ctx.diags, sources: ctx.sources, readText: ctx.readText };
  const opened = new Map<string, ExtendsSource | null>();
  const resolver = new ExtendsResolver(ctx.diags, (ref, _from, at) => {
    const inParent = path.posix.isAbsolute(ref)
      ? path.posix.normalize(ref)
      : workingDir !== undefined
        ? path.posix.join(workingDir, ref)
        : undefined;
    if (inParent === undefined) {
      ctx.diags.error(
        'nest-scope-relative-path',
        `extends.file ${ref} is relative, and the scope has no working directory`,
        at,
        {
          hint: "set x-nest.working_dir, or write an absolute path in the parent's view",
        },
      );
      return undefined;
    }
    const known = opened.get(inParent);
    if (known !== undefined) return known ?? undefined;
    const at2 = reader.locate(inParent, at);
    const base = at2 === undefined ? undefined : loadFile(at2, env, loadCtx, at);
    const source: ExtendsSource | null = base
      ? {
          services: isObj(base.services) ? base.services : {},
          file: at2!,
          rebase: (service: Obj) =>
            resolveServicePaths(service, path.posix.dirname(inParent), env, ctx.diags),
        }
      : null;
    opened.set(inParent, source);
    return source ?? undefined;
  });
  resolver.resolveAll({ services, file: declaredIn });
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
