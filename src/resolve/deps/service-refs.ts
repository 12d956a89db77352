import type { SourceLoc } from '../../diag/diagnostic.js';
import type { DependsOn } from '../../model/compose.js';
import { copyLoc, getKeyLoc, getLoc, getSelfLoc, setSelfLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext, Scope } from '../types.js';
import { walkNodes } from '../types.js';
import { newKeyedMap } from '../../loader/canonical/located.js';
import { servicesByName } from './other-scopes.js';
import { reportUnresolved } from './report-ref.js';

/** The keys whose value may be `service:NAME`: a namespace shared with another service. */
export const NAMESPACE_KEYS = ['network_mode', 'pid', 'ipc', 'uts', 'cgroup'] as const;

/**
 * `depends_on`, `links`, `volumes_from` and `service:NAME` namespaces name services of the
 * same scope by inner name (NESTFILE.md "References"); the flat file needs flat names. Every
 * service of every scope is rewritten in place, keeping each entry's source position. A name
 * its scope does not declare is an error (`nest-ref-other-scope` when another scope has it,
 * else `ref-unknown-service`), except a `depends_on` entry with `required: false`, which Compose
 * skips when profiles disabled its target and which is dropped silently. An entry that cannot
 * be resolved is removed, so that the cycle check never mistakes an inner name for a flat one
 * (the error stops the compile anyway). Each name is reported once per service: normalization
 * added an implied `depends_on` entry for every link, `volumes_from` and namespace, and those
 * are rewritten with the rest, never duplicated.
 */
export function rewriteServiceRefs(root: Scope, ctx: ResolveContext): void {
  // Only an error needs every service by name: made on the first one.
  let byName: ReadonlyMap<string, NestNode[]> | undefined;
  const others = (): ReadonlyMap<string, NestNode[]> => (byName ??= servicesByName(root));
  for (const node of walkNodes(root)) rewriteNode(node, others, ctx);
}

/**
 * Resolves an inner name of `node`'s scope to a flat name, reporting failures once, at the
 * position `loc` gives (asked for only then).
 */
type Resolve = (
  name: string,
  loc: () => SourceLoc | undefined,
  how: string,
  optional?: boolean,
) => string | undefined;

function rewriteNode(
  node: NestNode,
  byName: () => ReadonlyMap<string, NestNode[]>,
  ctx: ResolveContext,
): void {
  const reported = new Set<string>();
  const resolve: Resolve = (name, loc, how, optional = false) => {
    const target = node.scope.nodes.get(name);
    if (target) return target.flatName;
    if (optional || reported.has(name)) return undefined;
    reported.add(name);
    const elsewhere = (byName().get(name) ?? []).filter((n) => n.scope !== node.scope);
    reportUnresolved(node, name, how, loc(), elsewhere, ctx);
    return undefined;
  };
  // Same order as the loader's reference check: a written link is reported before the
  // position-less depends_on entry normalization implied for it.
  rewriteList(node, 'links', (entry, loc) => {
    const [name, alias] = splitOnce(entry);
    const flat = resolve(name, loc, 'links to');
    if (flat === undefined) return undefined;
    // The inner name stays usable as the link alias, as it was inside the scope.
    if (alias !== undefined) return `${flat}:${alias}`;
    return flat === name ? name : `${flat}:${name}`;
  });
  rewriteList(node, 'volumes_from', (entry, loc) => {
    if (entry.startsWith('container:')) return entry;
    const [name, mode] = splitOnce(entry);
    const flat = resolve(name, loc, 'takes volumes from');
    if (flat === undefined) return undefined;
    return mode === undefined ? flat : `${flat}:${mode}`;
  });
  const s = node.service;
  for (const key of NAMESPACE_KEYS) {
    const v = s[key];
    if (typeof v !== 'string' || !v.startsWith('service:')) continue;
    const flat = resolve(v.slice('service:'.length), () => getLoc(s, key), `shares ${key} with`);
    if (flat === undefined) delete s[key];
    else s[key] = `service:${flat}`;
  }
  rewriteDependsOn(node, resolve);
}

/**
 * `depends_on` keys to flat names; each entry keeps its value object and its positions. The
 * mapping is replaced only when a name changed (never at the root, where flat names are the
 * names), by one in dictionary mode (`newKeyedMap`).
 */
function rewriteDependsOn(node: NestNode, resolve: Resolve): void {
  const deps = node.service.depends_on;
  if (!deps) return;
  const names = Object.keys(deps);
  const flats: (string | undefined)[] = [];
  let changed = false;
  for (const name of names) {
    const loc = (): SourceLoc | undefined => getKeyLoc(deps, name) ?? getLoc(deps, name);
    const flat = resolve(name, loc, 'depends on', deps[name]!.required === false);
    if (flat !== name) changed = true;
    flats.push(flat);
  }
  if (!changed) return;
  const out = newKeyedMap<DependsOn>();
  names.forEach((name, i) => {
    const flat = flats[i];
    if (flat === undefined) return;
    out[flat] = deps[name]!;
    copyLoc(deps, name, out, flat);
  });
  const self = getSelfLoc(deps);
  if (self) setSelfLoc(out, self);
  node.service.depends_on = out;
}

/**
 * Rewrite each string of the list at `service[key]`; `undefined` drops the entry. The list is
 * replaced only when something changed, and positions follow their entries.
 */
function rewriteList(
  node: NestNode,
  key: 'links' | 'volumes_from',
  rewrite: (entry: string, loc: () => SourceLoc | undefined) => string | undefined,
): void {
  const list = node.service[key];
  if (!Array.isArray(list)) return;
  const out: unknown[] = [];
  let changed = false;
  list.forEach((entry: unknown, i) => {
    const next = typeof entry === 'string' ? rewrite(entry, () => getLoc(list, i)) : entry;
    if (next !== entry) changed = true;
    if (next === undefined) return;
    out.push(next);
    copyLoc(list, i, out, out.length - 1);
  });
  if (!changed) return;
  const self = getSelfLoc(list);
  if (self) setSelfLoc(out, self);
  node.service[key] = out;
}

/** `name:rest` → `[name, rest]`; no colon → `[name, undefined]`. */
function splitOnce(entry: string): [string, string | undefined] {
  const i = entry.indexOf(':');
  return i < 0 ? [entry, undefined] : [entry.slice(0, i), entry.slice(i + 1)];
}
