import type { SourceLoc } from '../../diag/diagnostic.js';
import { getLoc, getSelfLoc } from '../../model/locations.js';
import { isRemoteContext } from '../../loader/paths.js';
import type { NestNode, Scope } from '../types.js';
import type { PathView } from './path-view.js';
import { translateUse, type PathUse } from './path-use.js';

/**
 * The paths that Compose reads itself, rewritten to host paths (rule 2, last item): a
 * service's build context, additional contexts and absolute Dockerfile, its `env_file` entries
 * (normalization usually has folded them into `environment` already), and the scope's config
 * and secret files and bind `device`s of volumes. Each must end up a host path: a named volume
 * has none that nestc may use.
 */
export function translateServiceFiles(view: PathView, node: NestNode): void {
  const s = node.service;
  const at = `services.${node.nestPath}`;
  const build = s.build;
  if (build && typeof build === 'object') {
    const buildLoc = getSelfLoc(build) ?? getLoc(s, 'build');
    if (typeof build.context === 'string' && !isRemoteContext(build.context)) {
      rewrite(view, build, 'context', `${at}.build.context`, 'context', buildLoc);
    }
    if (typeof build.dockerfile === 'string') {
      rewrite(view, build, 'dockerfile', `${at}.build.dockerfile`, 'dockerfile', buildLoc);
    }
    translateAdditionalContexts(
      view,
      build.additional_contexts,
      `${at}.build.additional_contexts`,
      buildLoc,
    );
  }
  const envFiles = s.env_file;
  if (Array.isArray(envFiles)) {
    envFiles.forEach((ref: unknown, i) => {
      const what = `${at}.env_file[${i}]`;
      const loc = getLoc(envFiles, i);
      if (typeof ref === 'string') rewrite(view, envFiles, i, what, 'file', loc);
      else if (ref && typeof ref === 'object')
        rewrite(view, ref, 'path', what, 'file', getSelfLoc(ref) ?? loc);
    });
  }
}

/** The scope's own config and secret files and local bind devices, as host paths. */
export function translateScopeFiles(view: PathView, scope: Scope): void {
  const prefix = scope.path === '' ? '' : `x-nest of ${scope.path}: `;
  for (const kind of ['configs', 'secrets'] as const) {
    for (const name of Object.keys(scope[kind]).sort()) {
      const obj = scope[kind][name];
      if (!obj || typeof obj.file !== 'string') continue;
      rewrite(view, obj, 'file', `${prefix}${kind}.${name}.file`, 'file', getSelfLoc(obj));
    }
  }
  for (const name of Object.keys(scope.volumes).sort()) {
    const opts = scope.volumes[name]?.driver_opts;
    if (!isBindDevice(scope.volumes[name]?.driver, opts)) continue;
    rewrite(
      view,
      opts,
      'device',
      `${prefix}volumes.${name}.driver_opts.device`,
      'file',
      getSelfLoc(opts),
    );
  }
}

/** A `local` volume that binds a host directory (`o: bind`): its `device` is a path. */
function isBindDevice(driver: unknown, opts: unknown): opts is Record<string, unknown> {
  if (driver !== undefined && driver !== 'local') return false;
  if (!opts || typeof opts !== 'object') return false;
  const o = (opts as Record<string, unknown>).o;
  return typeof o === 'string' && o.split(',').includes('bind');
}

function translateAdditionalContexts(
  view: PathView,
  extra: unknown,
  what: string,
  fallback: SourceLoc | undefined,
): void {
  if (Array.isArray(extra)) {
    extra.forEach((e: unknown, i) => {
      if (typeof e !== 'string') return;
      const eq = e.indexOf('=');
      if (eq < 0) return;
      const name = e.slice(0, eq);
      const p = e.slice(eq + 1);
      if (isRemoteContext(p) || !p.startsWith('/')) return;
      const host = hostPath(view, p, `${what}.${name}`, 'context', getLoc(extra, i) ?? fallback);
      if (host !== undefined) extra[i] = `${name}=${host}`;
    });
    return;
  }
  if (!extra || typeof extra !== 'object') return;
  const map = extra as Record<string, unknown>;
  for (const name of Object.keys(map).sort()) {
    const p = map[name];
    if (typeof p === 'string' && !isRemoteContext(p)) {
      rewrite(view, map, name, `${what}.${name}`, 'context', fallback);
    }
  }
}

/**
 * Replace `container[key]`, an absolute path, by its host path, in place so its position
 * stays; a relative path (a Dockerfile relative to its context) is left alone.
 */
function rewrite(
  view: PathView,
  container: object,
  key: string | number,
  what: string,
  use: PathUse,
  fallback: SourceLoc | undefined,
): void {
  const c = container as Record<string | number, unknown>;
  const p = c[key];
  if (typeof p !== 'string' || !p.startsWith('/')) return;
  const host = hostPath(view, p, what, use, getLoc(container, key) ?? fallback);
  if (host !== undefined) c[key] = host;
}

function hostPath(
  view: PathView,
  p: string,
  what: string,
  use: PathUse,
  loc: SourceLoc | undefined,
): string | undefined {
  const t = translateUse(view, p, { what, loc, use });
  return t?.kind === 'bind' ? t.source : undefined;
}
