import { copyLoc, getSelfLoc, setSelfLoc } from '../../model/locations.js';
import {
  appendLists,
  entryMerger,
  isObj,
  mergeAt,
  mergeGeneric,
  mergeMapWith,
  put,
  type Merger,
  type Obj,
} from './engine.js';
import { asList, byKeyBeforeEquals, uniqueBy } from './unique-lists.js';

/**
 * compose-go's special merge rules that are not "unique sequences": each one exists because the
 * generic rule would give a wrong or surprising result for that attribute.
 */

/** `command`, `entrypoint`, `healthcheck.test`: a command is replaced, never appended to. */
export const replace: Merger = (_base, over) => over;

/** `label_file`: a single path is a one-entry list; the lists append. */
export const appendAsLists: Merger = (base, over) => appendLists(asList(base), asList(over));

/**
 * `environment`, `labels`, `build.args`…: one value per key, the overriding file's value wins,
 * `null` included (compose-go merges them as `KEY=value` lists, so `KEY` alone replaces
 * `KEY=value`). The loader's canonical form is a mapping; a list side is read as `KEY=value`.
 */
export const keyValue: Merger = (base, over, cx) => {
  if (Array.isArray(base) && Array.isArray(over))
    return uniqueBy(byKeyBeforeEquals)(base, over, cx, {});
  const b = isObj(base) ? base : listToMap(asList(base));
  const o = isObj(over) ? over : listToMap(asList(over));
  return mergeMapWith(b, o, cx, (_k, _b, ov) => ov);
};

function listToMap(list: readonly unknown[]): Obj {
  const out: Obj = {};
  list.forEach((e, i) => {
    const s = String(e);
    const eq = s.indexOf('=');
    const k = eq < 0 ? s : s.slice(0, eq);
    put(out, k, eq < 0 ? null : s.slice(eq + 1));
    copyLoc(list, i, out, k);
  });
  const self = getSelfLoc(list);
  if (self) setSelfLoc(out, self);
  return out;
}

/** `logging`: options merge only when the driver stays the same (or one side has none). */
export const logging: Merger = (base, over, cx, shape) => {
  if (isObj(base) && isObj(over)) {
    const changed = base.driver !== undefined && over.driver !== undefined;
    if (changed && base.driver !== over.driver) return over;
  }
  return mergeGeneric({ keys: shape.keys }, base, over, cx);
};

/** `build`: the short form is a context; both sides merge as mappings. */
export const build: Merger = (base, over, cx, shape) =>
  mergeGeneric({ keys: shape.keys }, asBuild(base), asBuild(over), cx);

function asBuild(v: unknown): unknown {
  return typeof v === 'string' ? { context: v } : v;
}

/**
 * A mapping whose list form names keys only: `depends_on: [db]` (each entry defaults to
 * `service_started`, required) and `networks: [front]` (no options). Entries merge by name.
 */
export function namedEntries(listDefault: () => unknown): Merger {
  return (base, over, cx, shape) =>
    mergeMapWith(
      namesToMap(base, listDefault),
      namesToMap(over, listDefault),
      cx,
      entryMerger({ each: shape.each }),
    );
}

function namesToMap(v: unknown, make: () => unknown): Obj {
  if (isObj(v)) return v;
  const out: Obj = {};
  const list = asList(v);
  list.forEach((name, i) => {
    put(out, String(name), make());
    copyLoc(list, i, out, String(name));
  });
  return out;
}

/**
 * `extra_hosts`: entries are `host=ip` pairs and identical pairs appear once; a host given two
 * addresses keeps both (compose-go). The canonical mapping form maps a host to one address or a
 * list of them.
 */
export const extraHosts: Merger = (base, over, cx) => {
  if (isObj(base) && isObj(over)) {
    return mergeMapWith(base, over, cx, (_k, b, o) => {
      const all = [...asList(b)];
      for (const ip of asList(o)) if (!all.includes(ip)) all.push(ip);
      return all.length === 1 ? all[0] : all;
    });
  }
  const b = isObj(base) ? hostsToList(base) : asList(base);
  const o = isObj(over) ? hostsToList(over) : asList(over);
  const out = [...b];
  for (const e of o) if (!out.includes(e)) out.push(e);
  return out;
};

function hostsToList(m: Obj): string[] {
  const out: string[] = [];
  for (const [host, ips] of Object.entries(m)) {
    for (const ip of asList(ips)) out.push(`${host}=${String(ip)}`);
  }
  return out;
}

/** `ipam.config`: pools are unique by subnet; a pool with the same subnet merges as a mapping. */
export const ipamConfig: Merger = (base, over, cx) => {
  const out: unknown[] = [];
  const bySubnet = new Map<unknown, number>();
  const add = (list: readonly unknown[]): void => {
    list.forEach((pool, i) => {
      const subnet = isObj(pool) ? pool.subnet : undefined;
      const at = subnet === undefined ? undefined : bySubnet.get(subnet);
      if (at === undefined) {
        if (subnet !== undefined) bySubnet.set(subnet, out.length);
        copyLoc(list, i, out, out.length);
        out.push(pool);
      } else {
        out[at] = mergeAt(undefined, out[at], pool, cx);
      }
    });
  };
  add(asList(base));
  add(asList(over));
  const self = isObj(base) || Array.isArray(base) ? getSelfLoc(base) : undefined;
  if (self) setSelfLoc(out, self);
  return out;
};
