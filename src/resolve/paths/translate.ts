import path from 'node:path';
import type { Mount } from './mounts.js';

/**
 * Where a path of a container's view is on the host. `opaque` is a path inside a mount that
 * exists only for that container (an anonymous volume, an image mount): it has no name a sibling
 * could mount, so it cannot be shared, and saying so beats "not mounted".
 */
export type Translation =
  | { kind: 'bind'; source: string; readOnly: boolean; via: Mount }
  | { kind: 'volume'; volume: string; subpath?: string; readOnly: boolean; via: Mount }
  | { kind: 'tmpfs'; via: Mount }
  | { kind: 'opaque'; via: Mount }
  | { kind: 'unmounted' };

/**
 * Translate an absolute path through a mount table (NESTFILE.md rule 2): the mount with the
 * longest target that contains the path, by whole components, wins (`/cache` holds `/cache/x`,
 * not `/cachex`); among equal targets the first listed wins, so a service's own mounts, listed
 * first, shadow inherited ones as the engine does. A file mount (config, secret) holds only its
 * own path: a file has nothing below it.
 */
export function translatePath(p: string, mounts: readonly Mount[]): Translation {
  const at = normalizeAbs(p);
  let mount: Mount | undefined;
  let rest = '';
  let bestLength = -1;
  for (const m of mounts) {
    const target = normalizeAbs(m.target);
    const below = restBelow(at, target);
    if (below === undefined || (m.kind === 'file' && below !== '')) continue;
    if (target.length > bestLength) {
      mount = m;
      rest = below;
      bestLength = target.length;
    }
  }
  if (!mount) return { kind: 'unmounted' };
  switch (mount.kind) {
    case 'bind':
      return {
        kind: 'bind',
        source: joinAbs(mount.source, rest),
        readOnly: mount.readOnly,
        via: mount,
      };
    case 'file':
      return { kind: 'bind', source: mount.source, readOnly: true, via: mount };
    case 'volume': {
      const subpath = joinSub(mount.subpath, rest);
      return {
        kind: 'volume',
        volume: mount.volume,
        ...(subpath !== undefined ? { subpath } : {}),
        readOnly: mount.readOnly,
        via: mount,
      };
    }
    case 'tmpfs':
      return { kind: 'tmpfs', via: mount };
    case 'anonymous':
    case 'image':
      return { kind: 'opaque', via: mount };
  }
}

/**
 * A posix path made canonical: `.` and `..` resolved, duplicate and trailing slashes dropped,
 * so that two spellings of one directory compare equal. Symlinks are not followed: they live in
 * the container's filesystem, which nestc cannot see (docs/nestfile-paths.md).
 */
export function normalizeAbs(p: string): string {
  // Most paths are canonical already: return them without making a new string.
  if (p.charCodeAt(0) === 0x2f && !NOT_CANONICAL.test(p)) return p;
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/** What an absolute path needs `path.posix.normalize` for: `//`, a `.` or `..` component, a final `/`. */
const NOT_CANONICAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/**
 * The part of `p` below `target` (`''` for `target` itself), or undefined when `p` is not
 * `target` or below it by whole components. Both must be normalized.
 */
export function restBelow(p: string, target: string): string | undefined {
  if (p === target) return '';
  if (target === '/') return p.slice(1);
  return p.startsWith(target + '/') ? p.slice(target.length + 1) : undefined;
}

/** `base` with a relative `rest` appended, normalized. */
export function joinAbs(base: string, rest: string): string {
  if (rest === '') return normalizeAbs(base);
  // The usual case, a canonical `rest` (as `restBelow` gives) below a canonical absolute
  // `base`, needs no normalizing: the two only meet at one `/`.
  if (
    base.charCodeAt(0) === 0x2f &&
    rest.charCodeAt(0) !== 0x2f &&
    !NOT_CANONICAL.test(base) &&
    !NOT_CANONICAL.test('/' + rest)
  ) {
    return base === '/' ? '/' + rest : base + '/' + rest;
  }
  return normalizeAbs(path.posix.join(base, rest));
}

/** A volume subpath (relative, no leading slash) with `rest` appended; undefined for the root. */
export function joinSub(subpath: string | undefined, rest: string): string | undefined {
  const j = path.posix.normalize(path.posix.join(subpath ?? '', rest)).replace(/^\/+|\/+$/g, '');
  return j === '' || j === '.' ? undefined : j;
}
