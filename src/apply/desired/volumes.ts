import type { Volume } from '../../model/compose.js';
import { LABELS, type DesiredVolume } from '../types.js';
import { put, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { usedResources } from './used-resources.js';
import { volumeScope } from './resource-scope.js';

/**
 * The named volumes the project needs: every volume of the flat project that some service
 * mounts (compose-go drops unused ones), in key order. External volumes are only checked to
 * exist. Others get Compose v2's `VolumeCreate` body: `Name`, `Driver` (default `local`),
 * `DriverOpts`, and the labels: the user's, then `io.nestc.project`, `io.nestc.path` (the nest
 * path of the declaring scope, `''` at the root), `io.nestc.resource` (the flat key) and the
 * config hash of the rest.
 */
export function desiredVolumes(ctx: DesiredContext): DesiredVolume[] {
  const used = new Set<string>();
  for (const s of Object.values(ctx.project.services)) {
    for (const v of s.volumes ?? []) if (v.type === 'volume' && v.source) used.add(v.source);
  }
  return usedResources(ctx.project.volumes ?? {}, used, (key, name, v) =>
    volumeBody(ctx, key, name, v),
  );
}

function volumeBody(ctx: DesiredContext, key: string, name: string, v: Volume): Body {
  checkKeys(ctx, '', v, `volumes.${key}`, {
    mapped: ['name', 'driver', 'driver_opts', 'external', 'labels'],
  });
  const body: Body = { Name: name, Driver: v.driver ?? 'local' };
  put(body, 'DriverOpts', stringMap(v.driver_opts));
  body.Labels = {
    ...stringMap(v.labels),
    ...ctx.extraLabels,
    [LABELS.project]: ctx.project.name,
    [LABELS.path]: volumeScope(ctx, key) ?? '',
    [LABELS.resource]: key,
  };
  return body;
}
