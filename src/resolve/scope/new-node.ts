import type { Service } from '../../model/compose.js';
import { getKeyLoc } from '../../model/locations.js';
import type { Scope } from '../types.js';
import { nestOptionsOf } from './nest-options.js';

/**
 * The nodes of one scope, from its `services` map, in name order: the order every later stage
 * walks, so results never depend on the order keys were written in.
 */
export function addNodes(scope: Scope, services: Record<string, Service>): void {
  const prefix = scope.parent ? scope.parent.segments : [];
  for (const name of Object.keys(services).sort()) {
    const service = services[name]!;
    const segments = [...prefix, name];
    const loc = getKeyLoc(services, name);
    const nest = nestOptionsOf(service);
    scope.nodes.set(name, {
      segments,
      nestPath: segments.join('/'),
      name,
      depth: scope.depth,
      scope,
      service,
      ...(loc ? { loc } : {}),
      ...(nest ? { nest } : {}),
      flatName: '',
    });
  }
}
