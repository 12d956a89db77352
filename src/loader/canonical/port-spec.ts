import { isIP } from 'node:net';
import type { PortConfig } from '../../model/compose.js';

/**
 * The port short syntax, read as Docker reads it (go-connections `nat.ParsePortSpec`, which
 * compose-go calls): `[[HOST_IP:]HOST:]CONTAINER[/PROTOCOL]`, where HOST and CONTAINER may be
 * ranges. A container range expands to one entry per port; a single container port with a host
 * range keeps the range as `published` (the engine picks one port from it).
 */

/** Why a spec was rejected; `code` is one of the canonical diagnostic codes. */
export interface PortSpecError {
  code: 'port-invalid' | 'port-out-of-range' | 'port-range-mismatch';
  message: string;
  hint?: string;
}

export type PortSpecResult =
  { ok: true; ports: PortConfig[] } | { ok: false; error: PortSpecError };

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

/** Parse one short-syntax entry into the long-syntax entries compose-go produces, in its order. */
export function parsePortSpec(spec: string): PortSpecResult {
  let raw = spec;
  let proto = 'tcp';
  const slash = raw.lastIndexOf('/');
  if (slash !== -1) {
    proto = raw.slice(slash + 1);
    raw = raw.slice(0, slash);
  }
  // Split as `[[ip:]host:]container` on the last two colons; the IP part keeps any others.
  const last = raw.lastIndexOf(':');
  const second = last > 0 ? raw.lastIndexOf(':', last - 1) : -1;
  const container = last === -1 ? raw : raw.slice(last + 1);
  const host = last === -1 ? '' : raw.slice(second + 1, last);
  const ipPart = second === -1 ? '' : raw.slice(0, second);

  const ip = hostIp(ipPart);
  if (ip === undefined) {
    return fail('port-invalid', `invalid host IP address "${ipPart}"`, {
      hint: ipPart.includes(':') ? 'write an IPv6 address in brackets: "[::1]:8080:80"' : undefined,
    });
  }
  if (container === '') return fail('port-invalid', 'no container port given');
  const c = portRange(container, 'container');
  if (!c.ok) return c;
  let h: Range | undefined;
  if (host !== '') {
    const r = portRange(host, 'published');
    if (!r.ok) return r;
    h = { start: r.start, end: r.end };
  }
  if (h && h.end - h.start !== c.end - c.start && c.end !== c.start) {
    return fail(
      'port-range-mismatch',
      `host range ${host} and container range ${container} have different lengths`,
    );
  }
  const protocol = proto.toLowerCase();
  if (!PROTOCOLS.has(protocol)) {
    return fail('port-invalid', `unknown protocol "${proto}"`, { hint: 'use tcp, udp or sctp' });
  }

  const out: PortConfig[] = [];
  for (let p = c.start; p <= c.end; p++) {
    // built in compose-go's field order, so output reads like `docker compose config`
    const entry = { mode: 'ingress' } as PortConfig;
    if (ip !== '') entry.host_ip = ip;
    entry.target = p;
    if (h) {
      const first = h.start + (p - c.start);
      entry.published = c.start === c.end && h.start !== h.end ? `${first}-${h.end}` : `${first}`;
    }
    entry.protocol = protocol as PortConfig['protocol'];
    out.push(entry);
  }
  // compose-go sorts the expanded entries by their "port/proto" key as text: 1000 before 998.
  if (c.start !== c.end && String(c.start).length !== String(c.end).length) {
    out.sort((x, y) => {
      const a = String(x.target);
      const b = String(y.target);
      return a < b ? -1 : a > b ? 1 : 0;
    });
  }
  return { ok: true, ports: out };
}

function isDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

interface Range {
  start: number;
  end: number;
}

type RangeResult = ({ ok: true } & Range) | { ok: false; error: PortSpecError };

/** `N` or `N-M`, decimal digits only, each in 1–65535, M ≥ N. */
export function portRange(text: string, what: 'container' | 'published'): RangeResult {
  const dash = text.indexOf('-');
  const a = dash === -1 ? text : text.slice(0, dash);
  const b = dash === -1 ? text : text.slice(dash + 1);
  if (!isDigits(a) || !isDigits(b)) {
    return fail('port-invalid', `invalid ${what} port "${text}"`);
  }
  const start = Number(a);
  const end = Number(b);
  for (const v of [start, end]) {
    if (v < 1 || v > 65535) {
      const label = what === 'container' ? 'container' : 'published';
      return fail('port-out-of-range', `${label} port ${v} is out of range 1–65535`);
    }
  }
  if (end < start) return fail('port-invalid', `invalid ${what} port range "${text}"`);
  return { ok: true, start, end };
}

/**
 * The host IP with brackets removed, as Go's `net.SplitHostPort(ip + ":")` then `net.ParseIP`
 * would accept it; undefined when invalid. An unbracketed IPv6 address is invalid here, as in
 * Compose, because its colons are ambiguous with the port separators.
 */
function hostIp(text: string): string | undefined {
  // A file repeats the same host address (`127.0.0.1`) entry after entry: check it once.
  if (text === lastHostIp.text) return lastHostIp.result;
  const result = checkHostIp(text);
  lastHostIp = { text, result };
  return result;
}

let lastHostIp: { text: string; result: string | undefined } = { text: '', result: '' };

function checkHostIp(text: string): string | undefined {
  let host = text;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close !== text.length - 1) return undefined;
    host = text.slice(1, close);
    if (host.includes('[') || host.includes(']')) return undefined;
  } else if (/[[\]:]/.test(text)) return undefined;
  if (host === '') return '';
  if (host.includes('%') || isIP(host) === 0) return undefined;
  return host;
}

function fail(
  code: PortSpecError['code'],
  message: string,
  extra: { hint?: string | undefined } = {},
): { ok: false; error: PortSpecError } {
  return { ok: false, error: { code, message, ...(extra.hint ? { hint: extra.hint } : {}) } };
}
