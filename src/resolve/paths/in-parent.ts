import type { ResolveContext, Scope } from '../types.js';
import type { Translation } from './translate.js';

/**
 * A path written in `scope` (absolute, in the view of the scope's parent; root scope: nestc's
 * view) as the host sees it, and as nestc can read it (`nestcPath`, undefined when nestc cannot
 * see it: no path map covers it). The parent must already be translated.
 */
export function resolveInParent(
  _p: string,
  _scope: Scope,
  _ctx: ResolveContext,
): { host: Translation; nestcPath?: string } {
  throw new Error('not implemented');
}
