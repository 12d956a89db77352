import type { SourceLoc } from '../../diag/diagnostic.js';
import { isRemoteContext } from '../../loader/paths.js';
import type { RawModel } from '../../model/compose.js';
import { getLoc, getSelfLoc } from '../../model/locations.js';
import type { ResolveContext } from '../types.js';

type Obj = Record<string, unknown>;

/**
 * Paths of an inner project that no working directory can make absolute: `~` (whose home? the
 * parent's user is unknown offline) and, when the scope has no working directory, any relative
 * path (the image's WORKDIR is unknown offline). Checked before paths are made absolute, at the
 * entry that wrote them. Returns whether all is well.
 */
export function checkScopePaths(
  model: RawModel,
  workingDir: string | undefined,
  parentPath: string,
  ctx: ResolveContext,
): boolean {
  const before = ctx.diags.errorCount;
  // `loc` is asked for only on error: a position is made on demand.
  const check = (p: unknown, loc: () => SourceLoc | undefined, what: string): void => {
    if (typeof p !== 'string') return;
    if (p === '~' || p.startsWith('~/')) {
      ctx.diags.error('nest-scope-home', `${what} ${p} uses ~ inside a scope`, loc(), {
        hint: `write an absolute path in "${parentPath}"'s view: whose home ~ is there is not known`,
      });
    } else if (workingDir === undefined && !p.startsWith('/')) {
      ctx.diags.error(
        'nest-scope-relative-path',
        `${what} ${p} is relative, and the scope has no working directory`,
        loc(),
        {
          hint: `set x-nest.working_dir (a directory in "${parentPath}"'s view), or a working_dir on "${parentPath}", or write an absolute path`,
        },
      );
    }
  };
  for (const s of Object.values(asObj(model.services))) {
    const service = asObj(s);
    for (const v of asList(service.volumes)) {
      const vol = asObj(v);
      if (vol.type === 'bind')
        check(vol.source, () => getLoc(vol, 'source') ?? getSelfLoc(vol), 'bind source');
    }
    const build = service.build;
    if (typeof build === 'string') check(build, () => getLoc(service, 'build'), 'build context');
    else if (build && typeof build === 'object') {
      const b = build as Obj;
      const ctxPath = b.context ?? '.';
      if (typeof ctxPath === 'string' && !isRemoteContext(ctxPath))
        check(ctxPath, () => getLoc(b, 'context') ?? getLoc(service, 'build'), 'build context');
    }
    for (const e of asList(service.env_file)) {
      const entry = asObj(e);
      check(entry.path, () => getLoc(entry, 'path') ?? getSelfLoc(entry), 'env_file');
    }
  }
  for (const kind of ['configs', 'secrets'] as const) {
    for (const o of Object.values(asObj(model[kind]))) {
      const obj = asObj(o);
      check(obj.file, () => getLoc(obj, 'file'), `${kind.slice(0, -1)} file`);
    }
  }
  return ctx.diags.errorCount === before;
}

function asObj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
