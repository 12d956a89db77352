import path from 'node:path';
import type { PathMapEntry } from '../types.js';
import type { Parsed } from './parsed.js';

/** Engine volume names: what `docker volume create` accepts. */
const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * `--path-map CONTAINER_PATH=HOST_PATH` (rule 9): a directory as nestc sees it inside its own
 * container, and what it is on the host: a host path, or `volume:NAME[/sub]` for a directory
 * that lives in a named volume (a Jenkins home, a GitLab builds volume). Both sides must be
 * absolute, because a relative one would depend on where nestc happens to run. Paths are
 * normalized (`/a/./b/` → `/a/b`) so that prefix matching later compares like with like.
 */
export function parsePathMap(text: string): Parsed<PathMapEntry> {
  const eq = text.indexOf('=');
  if (eq < 0) {
    return { ok: false, message: `"${text}" has no "=": write CONTAINER_PATH=HOST_PATH` };
  }
  const container = text.slice(0, eq);
  const host = text.slice(eq + 1);
  if (!path.posix.isAbsolute(container)) {
    return {
      ok: false,
      message: `container path "${container}" in "${text}" is not absolute (it is a path inside nestc's container)`,
    };
  }
  const c = normalize(container);
  if (host.startsWith('volume:')) {
    const spec = host.slice('volume:'.length);
    const slash = spec.indexOf('/');
    const name = slash < 0 ? spec : spec.slice(0, slash);
    if (!VOLUME_NAME.test(name)) {
      return {
        ok: false,
        message: `"${name}" in "${text}" is not a volume name: write volume:NAME[/sub]`,
      };
    }
    const raw = slash < 0 ? '' : spec.slice(slash);
    if (raw.split('/').includes('..')) {
      return { ok: false, message: `the path below volume ${name} in "${text}" leaves the volume` };
    }
    const sub = raw === '' ? '' : normalize(raw).slice(1);
    return {
      ok: true,
      value: { container: c, host: { kind: 'volume', name, ...(sub ? { subpath: sub } : {}) } },
    };
  }
  if (!path.posix.isAbsolute(host)) {
    return {
      ok: false,
      message: `host path "${host}" in "${text}" is not absolute: write an absolute host path or volume:NAME[/sub]`,
    };
  }
  return { ok: true, value: { container: c, host: { kind: 'path', path: normalize(host) } } };
}

/** `/a/./b/` → `/a/b`; `/` stays `/`. */
function normalize(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}
