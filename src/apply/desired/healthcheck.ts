import type { Healthcheck, Service } from '../../model/compose.js';
import { getKeyLoc } from '../../model/locations.js';
import type { Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { parseDurationNs, parseInteger } from './units.js';

const TIMINGS = [
  ['interval', 'Interval'],
  ['timeout', 'Timeout'],
  ['start_period', 'StartPeriod'],
  ['start_interval', 'StartInterval'],
] as const;

/**
 * `healthcheck` as the engine's `HealthConfig` (Compose v2 `ToMobyHealthCheck`): `Test` as
 * written (`CMD-SHELL` for a string, the loader saw to that), timings in nanoseconds, `Retries`;
 * `disable: true` is `Test: ["NONE"]`. What is not written is left out, so the image's own
 * healthcheck fills it in. `start_interval` needs Engine API 1.44 (Docker 25): an older engine
 * would silently drop it.
 */
export function healthConfig(ctx: DesiredContext, name: string, s: Service): Body | undefined {
  const h = s.healthcheck;
  if (!h || typeof h !== 'object') return undefined;
  checkKeys(ctx, name, h, 'healthcheck', {
    mapped: ['test', 'disable', 'retries', ...TIMINGS.map(([k]) => k)],
  });
  const body: Body = {};
  if (h.disable === true) body.Test = ['NONE'];
  else if (Array.isArray(h.test)) body.Test = [...h.test];
  for (const [key, field] of TIMINGS) {
    if (h[key] === undefined) continue;
    const d = parseDurationNs(h[key]);
    if (d.ok) body[field] = d.value;
    else ctx.invalid(name, `healthcheck.${key}`, ctx.locOf(name, h, key), d.message);
  }
  if (h.start_interval !== undefined) {
    ctx.api.need(
      '1.44',
      `${ctx.settingName(name, 'healthcheck.start_interval')}`,
      getKeyLoc(h, 'start_interval'),
    );
  }
  if (h.retries !== undefined) {
    const r = parseInteger(h.retries);
    if (r.ok) body.Retries = r.value;
    else ctx.invalid(name, 'healthcheck.retries', ctx.locOf(name, h, 'retries'), r.message);
  }
  return body;
}

/**
 * Whether the nestfile declares a healthcheck that runs (a test, not disabled): only those count
 * for `service_healthy` and `x-nest.wait: healthy` (an image's own check is unknown offline).
 */
export function declaresHealthcheck(h: Healthcheck | undefined): boolean {
  if (!h || h.disable === true || !Array.isArray(h.test) || h.test.length === 0) return false;
  return h.test[0] !== 'NONE';
}
