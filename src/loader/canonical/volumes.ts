import {
  copyLocToSelf,
  copyValueLoc,
  copyValueLocs,
  getLoc,
  isWritten,
} from '../../model/locations.js';
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
    const parsed = parseVolumeSpec(entry);
    if (!parsed.ok) {
      site.diags.error(
        'volume-invalid',
        `${sitePath(site, i)}: invalid volume "${entry}": ${parsed.message}`,
        getLoc(list, i),
        {
          hint: 'write [SOURCE:]TARGET[:MODE], e.g. ./data:/data:ro',
        },
      );
      continue;
    }
    const { volume, readOnlyWritten, writtenBind, nocopyWritten, unknownOptions } = parsed.spec;
    list[i] = volume;
    if (isWritten(list, i)) {
      // The new entry and every field parsed from the text carry the text's position (the
      // entry's slot in `list` keeps it: the entry is replaced in place).
      copyLocToSelf(list, i, volume);
      if (volume.bind) copyLocToSelf(list, i, volume.bind);
      if (volume.volume) copyLocToSelf(list, i, volume.volume);
      const fields = ['type'];
      if (volume.source !== undefined) fields.push('source');
      fields.push('target');
      if (readOnlyWritten) fields.push('read_only');
      if (volume.bind && writtenBind.length > 0) fields.push('bind');
      if (volume.volume && nocopyWritten) fields.push('volume');
      copyValueLocs(list, i, volume, fields);
      if (volume.bind) for (const k of writtenBind) copyValueLoc(list, i, volume.bind, k);
      if (volume.volume && nocopyWritten) copyValueLoc(list, i, volume.volume, 'nocopy');
    }
    for (const opt of unknownOptions) {
      site.diags.warn(
        'volume-option-unknown',
        `${sitePath(site, i)}: unknown volume mode "${opt}" is ignored`,
        getLoc(list, i),
        {
          hint: 'modes are ro, rw, z, Z, nocopy, and the propagation modes (rprivate, shared, ...)',
        },
      );
    }
  }
}
