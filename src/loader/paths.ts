import os from 'node:os';
import path from 'node:path';
import type { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { getSelfLoc, locAt } from '../model/locations.js';
import type { Env } from './context.js';

/**
 * The paths stage: relative paths become absolute against the directory they were written
 * relative to, exactly where compose-go's `paths.ResolveRelativePaths` does it, so that merged
 * files from different directories all end up meaning what their author meant. Values are
 * replaced in place, so every recorded position stays valid.
 *
 * Nothing under `x-nest` is touched: those paths are in the parent container's view and only
 * the resolver can translate them (see NESTFILE.md). Nor is `build.dockerfile`: Compose keeps
 * it relative to the build context.
 */
export function resolvePaths(model: RawModel, baseDir: string, env: Env, diags: Diagnostics): void {
  const r = resolver(baseDir, env);
  const services = asMap(model.services);
  for (const name of Object.keys(services)) {
    const s = asMap(services[name]);
    if (s !== EMPTY) resolveWith(r, s, diags);
  }
  for (const key of ['configs', 'secrets'] as const) {
    for (const obj of Object.values(asMap(model[key]))) replaceIn(asMap(obj), 'file', r.abs);
  }
  for (const volume of Object.values(asMap(model.volumes))) {
    const v = asMap(volume);
    const opts = asMap(v.driver_opts);
    if (v.driver === 'local' && opts.o === 'bind') replaceIn(opts, 'device', r.abs);
  }
}

/**
 * The paths of one service, for services that come from another file through `extends` or
 * `include`: their relative paths mean the directory of that file, not the project's.
 */
export function resolveServicePaths(
  service: Record<string, unknown>,
  baseDir: string,
  env: Env,
  diags: Diagnostics,
): void {
  resolveWith(resolver(baseDir, env), service, diags);
}

type Obj = Record<string, unknown>;
const EMPTY: Obj = Object.freeze({}) as Obj;

interface Resolver {
  /** A local path made absolute (`~` expanded, joined and cleaned as Go's `filepath.Join`). */
  abs: (p: string) => string;
  /** A build context: URLs, git remotes and `service:` contexts are left as written. */
  context: (p: string) => string;
  baseDir: string;
}

function resolver(baseDir: string, env: Env): Resolver {
  const abs = (p: string): string => absPath(p, baseDir, env);
  return { abs, context: (p) => (isRemoteContext(p) ? p : abs(p)), baseDir };
}

function resolveWith(r: Resolver, s: Obj, diags: Diagnostics): void {
  resolveBuild(r, s);
  resolveList(s, 'env_file', (e, i, list) => {
    if (typeof e === 'string') list[i] = r.abs(e);
    else replaceIn(asMap(e), 'path', r.abs);
  });
  if (typeof s.label_file === 'string') replaceIn(s, 'label_file', r.abs);
  else resolveList(s, 'label_file', (e, i, list) => typeof e === 'string' && (list[i] = r.abs(e)));
  replaceIn(asMap(s.extends), 'file', (f) => (isRemoteResource(f) ? f : r.abs(f)));
  const develop = asMap(s.develop);
  resolveList(develop, 'watch', (w) => replaceIn(asMap(w), 'path', r.abs));
  resolveList(s, 'volumes', (v, i, list) => {
    const vol = asMap(v);
    if (vol.type !== 'bind') return;
    if (typeof vol.source === 'string' && vol.source !== '') replaceIn(vol, 'source', r.abs);
    else
      diags.error(
        'volume-bind-no-source',
        `bind mount for ${String(vol.target ?? '?')} has no source`,
        getSelfLoc(vol) ?? locAt(list, [i]),
        { hint: 'give the host path to mount, or use `type: volume` for an anonymous volume' },
      );
  });
}

function resolveBuild(r: Resolver, s: Obj): void {
  if (typeof s.build === 'string') {
    replaceIn(s, 'build', r.context);
    return;
  }
  const build = asMap(s.build);
  if (build === EMPTY) return;
  // Compose defaults the context to `.` before resolving paths: the declaring file's directory.
  if (build.context === undefined || build.context === null) build.context = r.baseDir;
  else replaceIn(build, 'context', r.context);
  const extra = build.additional_contexts;
  if (Array.isArray(extra)) {
    extra.forEach((e, i) => {
      if (typeof e === 'string') extra[i] = mapAfterEquals(e, r.context);
    });
  } else {
    const m = asMap(extra);
    for (const k of Object.keys(m)) replaceIn(m, k, r.context);
  }
  const ssh = build.ssh;
  if (Array.isArray(ssh)) {
    ssh.forEach((e, i) => {
      if (typeof e === 'string' && e.includes('=')) ssh[i] = mapAfterEquals(e, r.abs);
    });
  } else {
    const m = asMap(ssh);
    for (const k of Object.keys(m)) replaceIn(m, k, r.abs);
  }
}

/** `~`, `~/x` (and, as compose-go does, `~x`) expand to HOME; relative paths join `baseDir`. */
export function absPath(p: string, baseDir: string, env: Env): string {
  if (p.startsWith('~')) return joinClean(env.HOME || os.homedir(), p.slice(1));
  if (p.startsWith('/')) return p;
  return joinClean(baseDir, p);
}

const REMOTE_PREFIXES = ['https://', 'http://', 'git://', 'ssh://', 'github.com/', 'git@'];

/**
 * A build context that is not a local directory: a URL or git remote (BuildKit's rules), a
 * builder-specific scheme such as `docker-image://`, or another service's image (`service:`).
 */
export function isRemoteContext(p: string): boolean {
  return (
    p.includes('://') || p.startsWith('service:') || REMOTE_PREFIXES.some((x) => p.startsWith(x))
  );
}

/** `extends.file` that a remote loader (git, OCI) would fetch; left for the extends stage. */
function isRemoteResource(p: string): boolean {
  return p.includes('://') || p.startsWith('git@');
}

/** Go's `filepath.Join`: joined, cleaned, no trailing slash. */
function joinClean(a: string, b: string): string {
  const j = path.posix.join(a, b);
  return j.length > 1 && j.endsWith('/') ? j.slice(0, -1) : j;
}

function mapAfterEquals(e: string, f: (p: string) => string): string {
  const eq = e.indexOf('=');
  return eq < 0 ? e : `${e.slice(0, eq)}=${f(e.slice(eq + 1))}`;
}

/** Replace a string value in place, so its recorded position stays with it. */
function replaceIn(obj: Obj, key: string, f: (p: string) => string): void {
  if (obj === EMPTY) return;
  const v = obj[key];
  if (typeof v === 'string' && v !== '') obj[key] = f(v);
}

function resolveList(
  obj: Obj,
  key: string,
  each: (e: unknown, i: number, list: unknown[]) => unknown,
): void {
  const list = obj[key];
  if (Array.isArray(list)) list.forEach((e, i) => each(e, i, list));
}

function asMap(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : EMPTY;
}
