import type { SourceLoc } from '../../diag/diagnostic.js';
import {
  copyLocToSelf,
  copyValueLoc,
  copyValueLocs,
  getDirective,
  getLoc,
  getSelfLoc,
  hasSelfLoc,
  isWritten,
  setDirective,
  setSelfLoc,
} from '../../model/locations.js';
import { isMap, putFrom } from './located.js';
import { parsePortSpec, portRange } from './port-spec.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `services.*.ports`: every entry in the long syntax, so the merge stage can key entries by
 * {host_ip, target, published, protocol}.
 *
 * Fields parsed from a short entry carry its position; `mode: ingress` and a `protocol: tcp`
 * nobody wrote are defaults (no position), as compose-go fills them in.
 *
 * While every entry gives exactly one long entry (almost always), the list is rewritten in place:
 * it already holds each entry's position and merge directive by index. The first entry that
 * gives none (an error) or several (a container port range) switches to a new list, rebuilt from
 * there on with the positions carried over.
 */
export function ports(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  const r = new Rewrite(list);
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (typeof entry === 'number') {
      if (!Number.isInteger(entry) || entry < 1 || entry > 65535) {
        const msg = `${sitePath(site, i)}: container port ${entry} is out of range 1–65535`;
        site.diags.error('port-out-of-range', msg, getLoc(list, i));
        r.split(i);
        continue;
      }
      const p: Record<string, unknown> = { mode: 'ingress' };
      putFrom(p, 'target', entry, list, i);
      p.protocol = 'tcp';
      r.emit(p, i);
    } else if (typeof entry === 'string') {
      const parsed = parsePortSpec(entry);
      if (!parsed.ok) {
        const { code, message, hint } = parsed.error;
        const msg = `${sitePath(site, i)}: ${message}`;
        site.diags.error(code, msg, getLoc(list, i), hint ? { hint } : undefined);
        r.split(i);
        continue;
      }
      if (parsed.ports.length !== 1) r.split(i);
      const explicitProto = entry.includes('/');
      const written = isWritten(list, i);
      for (const p of parsed.ports) {
        if (written) {
          const fields = p.host_ip !== undefined ? ['host_ip', 'target'] : ['target'];
          if (p.published !== undefined) fields.push('published');
          if (explicitProto) fields.push('protocol');
          copyValueLocs(list, i, p, fields);
        }
        r.emit(p, i);
      }
    } else {
      if (isMap(entry)) longForm(entry, i, site);
      r.emit(entry, i); // anything else is the schema stage's to report
    }
  }
  if (r.out) (site.parent as Record<string | number, unknown>)[site.key] = r.out;
}

/** The output of `ports`: `list` itself, rewritten in place, until `split` starts `out`. */
class Rewrite {
  /** The new list, once entries stopped mapping one to one; `list[0..split)` was copied into it. */
  out: unknown[] | undefined = undefined;

  constructor(private readonly list: unknown[]) {}

  /** Entry `i` does not give exactly one long entry: continue in a new list (once). */
  split(i: number): void {
    if (this.out) return;
    const out: unknown[] = [];
    const selfLoc = getSelfLoc(this.list);
    if (selfLoc) setSelfLoc(out, selfLoc);
    for (let j = 0; j < i; j++) pushAt(out, this.list[j], this.list, j);
    this.out = out;
  }

  /** `value` is (one of) the long entries that entry `i` gives. */
  emit(value: unknown, i: number): void {
    if (this.out) {
      pushAt(this.out, value, this.list, i);
      return;
    }
    // Same slot: its position and directive stay as recorded; the new entry takes the position.
    this.list[i] = value;
    if (value !== null && typeof value === 'object' && !hasSelfLoc(value)) {
      copyLocToSelf(this.list, i, value);
    }
  }
}

/**
 * Append `value` made from `from[i]`, carrying that item's position (which a container with no
 * position of its own takes too).
 */
function pushAt(out: unknown[], value: unknown, from: unknown[], i: number): void {
  const j = out.push(value) - 1;
  copyValueLoc(from, i, out, j);
  const d = getDirective(from, i); // an index has no key position to carry, only a directive
  if (d) setDirective(out, j, d);
}

/** Long syntax: numbers typed as compose-go types them, defaults filled, port numbers checked. */
function longForm(p: Record<string, unknown>, i: number, site: Site): void {
  const loc = (): SourceLoc | undefined => getLoc(p, 'target') ?? getSelfLoc(p);
  // Values replaced in place keep the position recorded for their key.
  if (typeof p.target === 'string' && /^[0-9]+$/.test(p.target)) p.target = Number(p.target);
  if (typeof p.target === 'number') {
    if (!Number.isInteger(p.target) || p.target < 1 || p.target > 65535) {
      const msg = `${sitePath(site, i)}: container port ${p.target} is out of range 1–65535`;
      site.diags.error('port-out-of-range', msg, loc());
    }
  } else if (typeof p.target === 'string') {
    const msg = `${sitePath(site, i)}: invalid container port "${p.target}"`;
    site.diags.error('port-invalid', msg, loc());
  }
  if (typeof p.published === 'number') p.published = String(p.published);
  if (typeof p.published === 'string' && p.published !== '') {
    const r = portRange(p.published, 'published');
    if (!r.ok) {
      const msg = `${sitePath(site, i)}: ${r.error.message}`;
      site.diags.error(r.error.code, msg, getLoc(p, 'published') ?? loc());
    }
  }
  if (p.protocol === undefined) p.protocol = 'tcp';
  if (p.mode === undefined) p.mode = 'ingress';
}
