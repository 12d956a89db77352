import path from 'node:path';
import type { SourceLoc } from '../../diag/diagnostic.js';
import { getLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext } from '../types.js';

/** Where an inner project lives, in its parent's view (NESTFILE.md, fields of `x-nest`). */
export interface ScopeDirs {
  /** `x-nest.file`, absolute in the parent's view. */
  file?: string;
  fileLoc?: SourceLoc;
  /** Directory its relative paths resolve against; undefined when none can be known. */
  workingDir?: string;
}

/**
 * `x-nest.file` is absolute or relative to the parent's `working_dir`; the scope's working
 * directory is `x-nest.working_dir` (same rule), else the file's directory, else the parent's
 * declared `working_dir`, else unknown (the image's WORKDIR is not known offline). Undefined
 * when a relative path has nothing to be relative to (reported).
 */
export function scopeDirs(node: NestNode, ctx: ResolveContext): ScopeDirs | undefined {
  const nest = node.nest!;
  const block = node.service['x-nest'] as Record<string, unknown>;
  const parentWd = node.service.working_dir;
  const abs = (p: string, key: string): string | undefined => {
    if (path.posix.isAbsolute(p)) return path.posix.normalize(p);
    if (parentWd !== undefined && path.posix.isAbsolute(parentWd))
      return path.posix.join(parentWd, p);
    ctx.diags.error(
      'nest-scope-relative-path',
      `x-nest.${key} ${p} is relative, and "${node.nestPath}" declares no working_dir`,
      getLoc(block, key),
      {
        hint: `write an absolute path in "${node.nestPath}"'s view, or give "${node.nestPath}" a working_dir`,
      },
    );
    return undefined;
  };
  const dirs: ScopeDirs = {};
  if (nest.file !== undefined) {
    const file = abs(nest.file, 'file');
    if (file === undefined) return undefined;
    dirs.file = file;
    const loc = getLoc(block, 'file');
    if (loc) dirs.fileLoc = loc;
  }
  if (nest.workingDir !== undefined) {
    const wd = abs(nest.workingDir, 'working_dir');
    if (wd === undefined) return undefined;
    dirs.workingDir = wd;
  } else if (dirs.file !== undefined) dirs.workingDir = path.posix.dirname(dirs.file);
  else if (parentWd !== undefined && path.posix.isAbsolute(parentWd))
    dirs.workingDir = path.posix.normalize(parentWd);
  return dirs;
}
