import type { PathSegment } from '../model/locations.js';

/**
 * ajv names the offending node with a JSON pointer (`/services/web/ports/0`); nestc's source
 * position tables and its messages need path segments, with array indices as numbers.
 */
export function pointerToSegments(doc: unknown, pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let cur: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(cur) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    cur =
      cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

/** The value at `segments` below `doc`, or undefined. */
export function valueAt(doc: unknown, segments: readonly PathSegment[]): unknown {
  let cur = doc;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The path as users read it: `services.web.ports[0]`, `services["my.app"].image`. Keys that
 * would be ambiguous after a dot are quoted so the path stays one-to-one with the file.
 */
export function displayPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
