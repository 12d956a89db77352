import type { Service } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import type { Body } from './body.js';
import type { DesiredContext } from './context.js';

/**
 * `security_opt` as Compose v2 passes it (`parseSecurityOpts`): every option as written, except
 * `systempaths=unconfined`, which the engine takes as empty `MaskedPaths` and `ReadonlyPaths`.
 * A seccomp profile file (`seccomp=FILE`) is an error: Compose inlines the file's JSON, and
 * reading files is not this pure mapping's business.
 */
export function securityOpts(ctx: DesiredContext, name: string, s: Service, host: Body): void {
  const list = s.security_opt;
  if (!Array.isArray(list)) return;
  const opts: string[] = [];
  list.forEach((raw, i) => {
    const opt = String(raw);
    if (opt === 'systempaths=unconfined') {
      host.MaskedPaths = [];
      host.ReadonlyPaths = [];
      return;
    }
    const m = /^seccomp[=:](.*)$/.exec(opt);
    if (m && m[1] !== 'unconfined' && m[1] !== 'builtin') {
      ctx.unsupported(
        name,
        `security_opt[${i}]`,
        getLoc(list, i) ?? ctx.serviceLoc(name),
        'nestc does not read seccomp profile files yet',
        'use seccomp=unconfined or the engine default, or run this project with docker compose',
      );
      return;
    }
    opts.push(opt);
  });
  if (opts.length > 0) host.SecurityOpt = opts;
}
