import type { SourceLoc } from '../../diag/diagnostic.js';
import { getLoc } from '../../model/locations.js';

/** One reference from a service to another service of the same scope. */
export interface ServiceRef {
  /** The referenced service. */
  target: string;
  /** The key that makes the reference (`depends_on`, `links`, `network_mode`, ...). */
  via: string;
  /** False only for a `depends_on` entry with `required: false`. */
  required: boolean;
  loc?: SourceLoc;
}

/**
 * Every service a service names: `depends_on` (short or long form), `links`,
 * `volumes_from`, and `network_mode` / `pid` / `ipc` of the form `service:NAME`. These are the
 * references the compose-spec says profiles do not follow, so a disabled target is an error.
 */
export function serviceRefs(svc: Record<string, unknown>): ServiceRef[] {
  const refs: ServiceRef[] = [];
  const dep = svc.depends_on;
  if (Array.isArray(dep)) {
    dep.forEach((d, i) => {
      if (typeof d === 'string') refs.push(ref(d, 'depends_on', true, getLoc(dep, i)));
    });
  } else if (isObject(dep)) {
    for (const [name, v] of Object.entries(dep)) {
      const required = !(isObject(v) && v.required === false);
      refs.push(ref(name, 'depends_on', required, getLoc(dep, name)));
    }
  }
  const links = svc.links;
  if (Array.isArray(links)) {
    links.forEach((l, i) => {
      if (typeof l === 'string')
        refs.push(ref(l.split(':')[0] as string, 'links', true, getLoc(links, i)));
    });
  }
  const from = svc.volumes_from;
  if (Array.isArray(from)) {
    from.forEach((v, i) => {
      if (typeof v !== 'string' || v.startsWith('container:')) return;
      const name = v.startsWith('service:') ? v.slice('service:'.length) : v;
      refs.push(ref(name.split(':')[0] as string, 'volumes_from', true, getLoc(from, i)));
    });
  }
  for (const key of ['network_mode', 'pid', 'ipc']) {
    const v = svc[key];
    if (typeof v === 'string' && v.startsWith('service:')) {
      refs.push(ref(v.slice('service:'.length), key, true, getLoc(svc, key)));
    }
  }
  return refs;
}

function ref(target: string, via: string, required: boolean, loc?: SourceLoc): ServiceRef {
  return { target, via, required, ...(loc ? { loc } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
