import { isIP } from 'node:net';

/**
 * A host address as the engine binds it, reduced to what decides whether two bindings collide
 * (NESTFILE.md rule 5): `all` is an empty host IP (`0.0.0.0` and `::`) or `::` itself (a
 * dual-stack socket takes IPv4 too), `any4` is `0.0.0.0`, the rest are one specific address.
 */
export type HostAddress =
  { kind: 'all' } | { kind: 'any4' } | { kind: 'v4'; ip: string } | { kind: 'v6'; ip: string };

/**
 * Read a `host_ip` as written (brackets allowed). IPv6 is canonicalized so `::1` and
 * `0:0:0:0:0:0:0:1` are one address, and an IPv4-mapped address is its IPv4 address, because
 * that is the socket the kernel compares.
 */
export function parseHostAddress(written: string | undefined): HostAddress {
  const text = (written ?? '').replace(/^\[(.*)\]$/, '$1');
  if (text === '') return { kind: 'all' };
  const family = isIP(text);
  if (family === 4) return text === '0.0.0.0' ? { kind: 'any4' } : { kind: 'v4', ip: text };
  if (family !== 6) return { kind: 'v6', ip: text }; // the loader reported it; compare as text
  const ip = new URL(`http://[${text}]`).hostname.slice(1, -1);
  if (ip === '::') return { kind: 'all' };
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ip);
  if (mapped) {
    const hi = parseInt(mapped[1] as string, 16);
    const lo = parseInt(mapped[2] as string, 16);
    const v4 = [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
    return v4 === '0.0.0.0' ? { kind: 'any4' } : { kind: 'v4', ip: v4 };
  }
  return { kind: 'v6', ip };
}

/**
 * Whether two bindings of one port and protocol would collide on the host: an empty address
 * and `::` overlap everything, `0.0.0.0` every IPv4 address, and two specific addresses only
 * themselves (`127.0.0.1` and `::1` can both hold 8080).
 */
export function hostAddressesOverlap(a: string | undefined, b: string | undefined): boolean {
  // The usual cases, without parsing: no address (all of them), or the same text.
  if (!a || !b || a === b) return true;
  const x = parsedAddress(a);
  const y = parsedAddress(b);
  if (x.kind === 'all' || y.kind === 'all') return true;
  if (x.kind === 'any4') return y.kind === 'any4' || y.kind === 'v4';
  if (y.kind === 'any4') return x.kind === 'v4';
  return x.kind === y.kind && x.ip === y.ip;
}

/**
 * `parseHostAddress`, remembered: the allocator compares the few addresses of a graph many
 * thousands of times, and an IPv6 one is parsed through a URL.
 */
function parsedAddress(written: string): HostAddress {
  let x = parsed.get(written);
  if (x === undefined) {
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(written, (x = parseHostAddress(written)));
  }
  return x;
}

const parsed = new Map<string, HostAddress>();
