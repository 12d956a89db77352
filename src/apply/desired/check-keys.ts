import type { DesiredContext } from './context.js';
import { isExtension } from './body.js';

/** What a mapper says about the keys of one mapping it reads. */
export interface KeyRules {
  /** Keys the mapper sends to the engine (or that have no effect on a container by design). */
  mapped: readonly string[];
  /** Keys Compose ignores outside swarm, with the reason: a warning each. */
  ignored?: Readonly<Record<string, string>>;
  /** Keys nestc cannot apply, with the reason (default: "not applied yet"): an error each. */
  unsupported?: Readonly<Record<string, string>>;
}

/**
 * Report every key of `obj` that the mapper does not send: an error for what nestc cannot apply,
 * a warning for what Compose ignores too. This is what keeps nestc from silently starting a
 * container that differs from the nestfile. `path` names `obj` below the service (`deploy`,
 * `healthcheck`, `volumes[2].bind`), `''` for the service itself.
 */
export function checkKeys(
  ctx: DesiredContext,
  service: string,
  obj: unknown,
  path: string,
  rules: KeyRules,
): void {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return;
  for (const key of Object.keys(obj)) {
    if (isExtension(key) || rules.mapped.includes(key)) continue;
    const at = path ? `${path}.${key}` : key;
    const loc = ctx.locOf(service, obj, key);
    const ignoredWhy = rules.ignored?.[key];
    if (ignoredWhy !== undefined) ctx.ignored(service, at, loc, ignoredWhy);
    else ctx.unsupported(service, at, loc, rules.unsupported?.[key]);
  }
}
