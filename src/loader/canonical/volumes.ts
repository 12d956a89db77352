import { getLoc, setLoc, setSelfLoc } from '../../model/locations.js';
import { put } from './located.js';
import { parseVolumeSpec } from './volume-spec.js';
import { sitePath, valueAt, type Site } from './walk.js';

/**
 * `services.*.volumes`: short entries become long ones, in place (one entry each), so the merge
 * stage can key mounts by target.
 *
 * `read_only` is set only when `ro` or `rw` was written, and then carries the entry's position:
 * a child that writes `:rw` under a read-only parent mount is an error, one that writes nothing
 * is not (docs/nestfile.md). Bind entries get `create_host_path: true` as a default, as in
 * compose-go; it has no position.
 */
export function volumes(site: Site): void {
  const list = valueAt(site);
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry !== 'string') continue;
    const loc = getLoc(list, i);
    const parsed = parseVolumeSpec(entry);
    if (!parsed.ok) {
      site.diags.error(
        'volume-invalid',
        `${sitePath(site, i)}: invalid volume "${entry}": ${parsed.message}`,
        loc,
        {
          hint: 'write [SOURCE:]TARGET[:MODE], e.g. ./data:/data:ro',
        },
      );
      continue;
    }
    const { volume, readOnlyWritten, writtenBind, nocopyWritten, unknownOptions } = parsed.spec;
    list[i] = volume;
    if (loc) {
      // The new entry and every field parsed from the text carry the text's position.
      setSelfLoc(volume, loc);
      setLoc(volume, 'type', loc);
      if (volume.source !== undefined) setLoc(volume, 'source', loc);
      setLoc(volume, 'target', loc);
      if (readOnlyWritten) setLoc(volume, 'read_only', loc);
      if (volume.bind) {
        setSelfLoc(volume.bind, loc);
        if (writtenBind.length > 0) put(volume, 'bind', volume.bind, loc);
        for (const k of writtenBind) put(volume.bind, k, volume.bind[k], loc);
      }
      if (volume.volume) {
        setSelfLoc(volume.volume, loc);
        if (nocopyWritten) {
          put(volume, 'volume', volume.volume, loc);
          put(volume.volume, 'nocopy', true, loc);
        }
      }
    }
    for (const opt of unknownOptions) {
      site.diags.warn(
        'volume-option-unknown',
        `${sitePath(site, i)}: unknown volume mode "${opt}" is ignored`,
        loc,
        {
          hint: 'modes are ro, rw, z, Z, nocopy, and the propagation modes (rprivate, shared, ...)',
        },
      );
    }
  }
}
