import type { SourceLoc } from '../../diag/diagnostic.js';
import { getKeyLoc } from '../../model/locations.js';
import type { Service } from '../../model/compose.js';
import type { NestOptions, WaitMode } from '../types.js';

/**
 * The `x-nest` options of a service, with their defaults (`socket: none`, `wait: started`).
 * The schema has already checked the values, so this only reads them; undefined when the
 * service has no `x-nest`.
 */
export function nestOptionsOf(service: Service): NestOptions | undefined {
  const block = service['x-nest'];
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return undefined;
  const b = block as Record<string, unknown>;
  const loc: SourceLoc | undefined = getKeyLoc(service, 'x-nest');
  return {
    socket: b.socket === 'host' ? 'host' : 'none',
    wait: (b.wait === 'healthy' || b.wait === 'none' ? b.wait : 'started') as WaitMode,
    ...(typeof b.file === 'string' ? { file: b.file } : {}),
    ...(typeof b.working_dir === 'string' ? { workingDir: b.working_dir } : {}),
    ...(loc ? { loc } : {}),
  };
}
