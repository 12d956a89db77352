import { existsSync } from 'node:fs';
import type { SourceLoc } from '../../diag/diagnostic.js';
import { resolveInParent } from '../paths/in-parent.js';
import { mountsOf, type Mount } from '../paths/mounts.js';
import type { ResolveContext, Scope } from '../types.js';

/** How the files a scope names are read: paths in the parent's view, read where nestc sees them. */
export interface ScopeReader {
  /** nestc's path for a parent-view path; reports why not at `from` and gives undefined. */
  locate(p: string, from?: SourceLoc): string | undefined;
  readText(p: string, from?: SourceLoc): string | undefined;
  /** Whether the file exists where nestc can see it (silent: for optional files). */
  exists(p: string): boolean;
}

/**
 * The one way a scope reads files (`x-nest.file`, its `.env`, `env_file`, `extends.file`): the
 * path is written in the parent's view, so it goes through the parent's mounts to the host and
 * from there, through `--path-map`, to where nestc itself can read it.
 */
export function scopeReader(scope: Scope, ctx: ResolveContext): ScopeReader {
  const parent = scope.parent?.nestPath ?? 'nestc';
  // The parent's mount table, made once for every file the scope reads (it is translated
  // already, and nothing changes it while its child scope loads).
  let mounts: Mount[] | undefined;
  const inParent = (p: string): ReturnType<typeof resolveInParent> =>
    resolveInParent(p, scope, ctx, scope.parent ? (mounts ??= mountsOf(scope.parent)) : undefined);
  const locate = (p: string, from?: SourceLoc): string | undefined => {
    const r = inParent(p);
    if (r.host.kind === 'unmounted' || r.host.kind === 'tmpfs' || r.host.kind === 'opaque') {
      const where =
        r.host.kind === 'tmpfs'
          ? 'is on a tmpfs of'
          : r.host.kind === 'opaque'
            ? 'is in an anonymous or image volume of'
            : 'is under no mount of';
      ctx.diags.error('nest-file-outside-mounts', `${p} ${where} "${parent}"`, from, {
        hint: `only files the host can see are readable: mount the directory that holds ${p} into "${parent}" first`,
      });
      return undefined;
    }
    if (r.nestcPath === undefined) {
      ctx.diags.error('nest-file-not-visible', `nestc cannot see ${p} ("${parent}"'s view)`, from, {
        hint: 'nestc runs in a container: give --path-map CONTAINER_PATH=HOST_PATH for the directory that holds it',
      });
      return undefined;
    }
    return r.nestcPath;
  };
  return {
    locate,
    readText: (p, from) => {
      const at = locate(p, from);
      return at === undefined ? undefined : ctx.readText(at, from);
    },
    exists: (p) => {
      const r = inParent(p);
      return r.nestcPath !== undefined && existsSync(r.nestcPath);
    },
  };
}
