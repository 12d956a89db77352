import { copyLoc, getSelfLoc, setSelfLoc } from '../../model/locations.js';
import { isObj, type Merger } from './engine.js';

/**
 * Sequences whose entries are unique by a key (compose-go's `EnforceUnicity`): the two sides
 * append, and an entry whose key was already seen replaces the earlier one in its place. So an
 * override file that re-declares the port or mount target changes it instead of adding a second
 * one, which the engine would refuse.
 */
export type Indexer = (entry: unknown) => string;

/** A merger for a sequence unique by `key`. A scalar side counts as a one-entry sequence. */
export function uniqueBy(key: Indexer): Merger {
  return (base, over) => {
    const out: unknown[] = [];
    const seen = new Map<string, number>();
    const add = (list: readonly unknown[]): void => {
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        const k = key(e);
        const at = seen.get(k);
        if (at === undefined) {
          seen.set(k, out.length);
          copyLoc(list, i, out, out.length);
          out.push(e);
        } else {
          out[at] = e;
          copyLoc(list, i, out, at);
        }
      }
    };
    add(asList(base));
    add(asList(over));
    const self = selfOf(base) ?? selfOf(over);
    if (self) setSelfLoc(out, self);
    return out;
  };
}

function selfOf(v: unknown) {
  return v !== null && typeof v === 'object' ? getSelfLoc(v) : undefined;
}

/** A string is a one-entry list (`dns: 8.8.8.8`); null or absent is empty. */
export function asList(v: unknown): readonly unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  return [v];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** `KEY=value` entries are unique by KEY; other strings by their whole text (`cap_add`, `dns`). */
export const byKeyBeforeEquals: Indexer = (e) => {
  const s = str(e);
  const i = s.indexOf('=');
  return i < 0 ? s : s.slice(0, i);
};

/** The whole value (`expose: [80, "80"]` are one). */
export const byValue: Indexer = (e) => (typeof e === 'number' ? String(e) : str(e));

/** Ports: host IP (default `0.0.0.0`), published, target, protocol (default `tcp`). */
export const byPort: Indexer = (e) => {
  if (!isObj(e)) return str(e);
  const host = typeof e.host_ip === 'string' ? e.host_ip : '0.0.0.0';
  const published = e.published === undefined || e.published === null ? '' : String(e.published);
  const protocol = typeof e.protocol === 'string' ? e.protocol : 'tcp';
  return `${host}:${published}:${String(e.target)}/${protocol}`;
};

/** Mounts and devices: the target path. A short-syntax string: its second field. */
export const byTarget: Indexer = (e) => {
  if (isObj(e)) return str(e.target);
  const parts = str(e).split(':');
  return parts[1] ?? parts[0] ?? '';
};

/**
 * Secrets and configs: the target, else the default mount path of the source
 * (`/run/secrets/<source>` for secrets, `/<source>` for configs), as compose-go does.
 */
export function byMount(prefix: string): Indexer {
  return (e) => {
    if (!isObj(e)) return `${prefix}/${str(e)}`;
    if (typeof e.target === 'string') return e.target;
    return `${prefix}/${str(e.source)}`;
  };
}

/** `env_file`: the path. */
export const byPath: Indexer = (e) => (isObj(e) ? str(e.path) : str(e));
