import { getLoc, getSelfLoc, setLoc, setSelfLoc } from '../../model/locations.js';
import { isMap, moveLoc, put } from './located.js';
import { parsePortSpec, portRange } from './port-spec.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `services.*.ports`: every entry in the long syntax, so the merge stage can key entries by
 * {host_ip, target, published, protocol}. One short entry may become several (a container port
 * range), so the list is rebuilt rather than edited item by item.
 *
 * Fields parsed from a short entry carry its position; `mode: ingress` and a `protocol: tcp`
 * nobody wrote are defaults (no position), as compose-go fills them in.
 */
export function ports(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  const out: unknown[] = [];
  const selfLoc = getSelfLoc(list);
  if (selfLoc) setSelfLoc(out, selfLoc);
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    const loc = getLoc(list, i);
    if (typeof entry === 'number') {
      if (!Number.isInteger(entry) || entry < 1 || entry > 65535) {
        const msg = `${sitePath(site, i)}: container port ${entry} is out of range 1–65535`;
        site.diags.error('port-out-of-range', msg, loc);
        continue;
      }
      const p: Record<string, unknown> = { mode: 'ingress' };
      put(p, 'target', entry, loc);
      p.protocol = 'tcp';
      pushAt(out, p, list, i);
    } else if (typeof entry === 'string') {
      const parsed = parsePortSpec(entry);
      if (!parsed.ok) {
        const { code, message, hint } = parsed.error;
        const msg = `${sitePath(site, i)}: ${message}`;
        site.diags.error(code, msg, loc, hint ? { hint } : undefined);
        continue;
      }
      const explicitProto = entry.includes('/');
      for (const p of parsed.ports) {
        if (loc) {
          if (p.host_ip !== undefined) setLoc(p, 'host_ip', loc);
          setLoc(p, 'target', loc);
          if (p.published !== undefined) setLoc(p, 'published', loc);
          if (explicitProto) setLoc(p, 'protocol', loc);
        }
        pushAt(out, p, list, i);
      }
    } else {
      if (isMap(entry)) longForm(entry, i, site);
      pushAt(out, entry, list, i); // anything else is the schema stage's to report
    }
  }
  (site.parent as Record<string | number, unknown>)[site.key] = out;
}

function pushAt(out: unknown[], value: unknown, from: unknown[], i: number): void {
  out.push(value);
  moveLoc(from, i, out, out.length - 1);
  const loc = getLoc(from, i);
  if (loc && value !== null && typeof value === 'object' && !getSelfLoc(value)) {
    setSelfLoc(value, loc);
  }
}

/** Long syntax: numbers typed as compose-go types them, defaults filled, port numbers checked. */
function longForm(p: Record<string, unknown>, i: number, site: Site): void {
  const loc = getLoc(p, 'target') ?? getSelfLoc(p);
  if (typeof p.target === 'string' && /^[0-9]+$/.test(p.target)) {
    put(p, 'target', Number(p.target), getLoc(p, 'target'));
  }
  if (typeof p.target === 'number') {
    if (!Number.isInteger(p.target) || p.target < 1 || p.target > 65535) {
      const msg = `${sitePath(site, i)}: container port ${p.target} is out of range 1–65535`;
      site.diags.error('port-out-of-range', msg, loc);
    }
  } else if (typeof p.target === 'string') {
    const msg = `${sitePath(site, i)}: invalid container port "${p.target}"`;
    site.diags.error('port-invalid', msg, loc);
  }
  if (typeof p.published === 'number') {
    put(p, 'published', String(p.published), getLoc(p, 'published'));
  }
  if (typeof p.published === 'string' && p.published !== '') {
    const r = portRange(p.published, 'published');
    if (!r.ok) {
      const msg = `${sitePath(site, i)}: ${r.error.message}`;
      site.diags.error(r.error.code, msg, getLoc(p, 'published') ?? loc);
    }
  }
  if (p.protocol === undefined) p.protocol = 'tcp';
  if (p.mode === undefined) p.mode = 'ingress';
}
