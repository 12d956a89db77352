import { getLoc } from '../../model/locations.js';
import { isMap, moveLoc, putKeyed, replaceAt } from './located.js';
import { scalarString } from './key-value.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `extra_hosts` (service and build): host → list of addresses, compose-go's `HostsList`. The list
 * form splits on the first `=`, else the first `:` (so `host:::1` is host `host`, address `::1`);
 * `a,b` is two addresses; brackets around an address are removed; a host name may not be empty
 * or hold `:` or `=`. The same host twice appends its addresses.
 */
export function extraHosts(site: Site): void {
  const v = valueAt(site);
  const where = (k: string | number): string => sitePath(site, k);
  const map: Record<string, string[]> = {};
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const s = scalarString(item) ?? '';
      const loc = getLoc(v, i);
      let cut = s.indexOf('=');
      if (cut === -1) cut = s.indexOf(':');
      if (cut === -1) {
        site.diags.error('extra-host-invalid', `${where(i)}: "${s}" has no IP address`, loc, {
          hint: 'write host=IP',
        });
        return;
      }
      const host = s.slice(0, cut);
      if (!goodHost(host)) {
        site.diags.error('extra-host-invalid', `${where(i)}: bad host name "${host}"`, loc);
        return;
      }
      const ips = s
        .slice(cut + 1)
        .split(',')
        .map(unbracket);
      const prev = map[host];
      if (prev) prev.push(...ips);
      else putKeyed(map, host, ips, loc);
    });
  } else if (isMap(v)) {
    for (const [host, e] of Object.entries(v)) {
      const loc = getLoc(v, host);
      if (!goodHost(host)) {
        site.diags.error('extra-host-invalid', `${where(host)}: bad host name "${host}"`, loc);
        continue;
      }
      const ips = Array.isArray(e)
        ? e.map((x) => scalarString(x) ?? '')
        : [e === null ? '' : (scalarString(e) ?? '')];
      map[host] = ips.map(unbracket);
      moveLoc(v, host, map, host);
    }
  } else return;
  replaceAt(site.parent, site.key, map);
}

function goodHost(host: string): boolean {
  return host !== '' && !/[:=]/.test(host);
}

function unbracket(ip: string): string {
  return ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
}
