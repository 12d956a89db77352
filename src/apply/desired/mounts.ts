import type { Service, ServiceVolume } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import { put, stringMap, type Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';
import { parseBytes, parseInteger } from './units.js';

/** The service's mounts as the engine takes them: `Binds` strings and `Mounts` objects. */
export interface ServiceMounts {
  binds: string[];
  mounts: Body[];
}

/**
 * `volumes` as the engine's `HostConfig.Binds` and `HostConfig.Mounts`, as Compose v2's
 * `buildContainerVolumes` splits them. A bind mount whose host path may be created
 * (`create_host_path`, the default of the short syntax, or no `bind:` options at all) goes to
 * `Binds` as `SOURCE:TARGET:rw|ro[,z|Z][,PROPAGATION]`: for `Binds` the engine creates a missing
 * source directory, for a `Mounts` bind it refuses (moby#43483; `CreateMountpoint` only exists
 * from API 1.42). Compose also puts a bind with `propagation` in `Mounts`; API 1.41 has no
 * `CreateMountpoint`, so nestc keeps it in `Binds`, whose syntax carries propagation. Every other
 * mount is a `Mounts` entry: named volumes by their engine name (`nocopy`, and `subpath`, which
 * needs API 1.45), anonymous volumes, tmpfs (`size` in bytes, `mode`), and binds with
 * `create_host_path: false` (the source must exist).
 */
export function serviceMounts(ctx: DesiredContext, name: string, s: Service): ServiceMounts {
  const out: ServiceMounts = { binds: [], mounts: [] };
  const list = s.volumes;
  if (!Array.isArray(list)) return out;
  list.forEach((v, i) => {
    const at = `volumes[${i}]`;
    const loc = getLoc(list, i) ?? ctx.serviceLoc(name);
    checkKeys(ctx, name, v, at, {
      mapped: ['type', 'source', 'target', 'read_only', 'consistency', 'bind', 'volume', 'tmpfs'],
    });
    switch (v.type) {
      case 'bind':
        bindMount(ctx, name, v, at, out);
        return;
      case 'volume':
        out.mounts.push(volumeMount(ctx, name, v, at, loc));
        return;
      case 'tmpfs': {
        const m = tmpfsMount(ctx, name, v, at);
        if (m) out.mounts.push(m);
        return;
      }
      default:
        ctx.unsupported(name, at, loc, `nestc does not create "${String(v.type)}" mounts yet`);
    }
  });
  return out;
}

function bindMount(
  ctx: DesiredContext,
  name: string,
  v: ServiceVolume,
  at: string,
  out: ServiceMounts,
): void {
  const b = v.bind ?? {};
  checkKeys(ctx, name, v.bind, `${at}.bind`, {
    mapped: ['propagation', 'create_host_path', 'selinux', 'recursive'],
  });
  const recursive = (b as Record<string, unknown>).recursive;
  const nonDefaultRecursion = typeof recursive === 'string' && recursive !== 'enabled';
  const creates = v.bind === undefined || b.create_host_path !== false;
  if (creates && !nonDefaultRecursion) {
    const opts = [v.read_only === true ? 'ro' : 'rw'];
    if (b.selinux) opts.push(b.selinux);
    if (b.propagation) opts.push(b.propagation);
    out.binds.push(`${v.source ?? ''}:${v.target}:${opts.join(',')}`);
    return;
  }
  const m: Body = { Type: 'bind', Source: v.source ?? '', Target: v.target };
  if (v.read_only === true) m.ReadOnly = true;
  put(m, 'Consistency', v.consistency);
  const opts: Body = {};
  put(opts, 'Propagation', b.propagation);
  if (creates) {
    opts.CreateMountpoint = true;
    ctx.api.need(
      '1.42',
      `${ctx.settingName(name, at)} (bind.recursive with create_host_path)`,
      getLoc(v, 'bind'),
    );
  }
  if (recursive === 'disabled') opts.NonRecursive = true;
  else if (recursive === 'writable' || recursive === 'readonly') {
    opts[recursive === 'writable' ? 'ReadOnlyNonRecursive' : 'ReadOnlyForceRecursive'] = true;
    ctx.api.need(
      '1.44',
      `${ctx.settingName(name, at)}.bind.recursive: ${recursive}`,
      getLoc(v, 'bind'),
    );
  }
  if (b.selinux) {
    ctx.unsupported(
      name,
      `${at}.bind.selinux`,
      ctx.locOf(name, b, 'selinux'),
      'the engine cannot relabel a bind mount whose host path is not created (create_host_path: false)',
      'drop create_host_path: false, or relabel the host path yourself',
    );
  }
  if (Object.keys(opts).length > 0) m.BindOptions = opts;
  out.mounts.push(m);
}

function volumeMount(
  ctx: DesiredContext,
  name: string,
  v: ServiceVolume,
  at: string,
  loc: ReturnType<typeof getLoc>,
): Body {
  const m: Body = { Type: 'volume' };
  if (v.source) m.Source = ctx.project.volumes?.[v.source]?.name ?? v.source;
  m.Target = v.target;
  if (v.read_only === true) m.ReadOnly = true;
  put(m, 'Consistency', v.consistency);
  const vol = v.volume as Record<string, unknown> | undefined;
  checkKeys(ctx, name, vol, `${at}.volume`, { mapped: ['nocopy', 'subpath', 'labels'] });
  const opts: Body = {};
  if (vol?.nocopy === true) opts.NoCopy = true;
  put(opts, 'Labels', stringMap(vol?.labels));
  if (typeof vol?.subpath === 'string' && vol.subpath !== '') {
    opts.Subpath = vol.subpath;
    ctx.api.need('1.45', `${ctx.settingName(name, at)}: volume subpath "${vol.subpath}"`, loc);
  }
  if (Object.keys(opts).length > 0) m.VolumeOptions = opts;
  return m;
}

function tmpfsMount(
  ctx: DesiredContext,
  name: string,
  v: ServiceVolume,
  at: string,
): Body | undefined {
  const m: Body = { Type: 'tmpfs', Target: v.target };
  if (v.read_only === true) m.ReadOnly = true;
  const t = v.tmpfs as Record<string, unknown> | undefined;
  checkKeys(ctx, name, t, `${at}.tmpfs`, { mapped: ['size', 'mode'] });
  const opts: Body = {};
  if (t?.size !== undefined) {
    const b = parseBytes(t.size);
    if (b.ok) opts.SizeBytes = b.value;
    else ctx.invalid(name, `${at}.tmpfs.size`, ctx.locOf(name, t, 'size'), b.message);
  }
  if (t?.mode !== undefined) {
    // A number is the mode itself (YAML `0o1777` is 1023); a string is octal, as chmod reads it.
    const mode =
      typeof t.mode === 'string'
        ? /^[0-7]+$/.test(t.mode)
          ? parseInt(t.mode, 8)
          : undefined
        : parseInteger(t.mode).ok
          ? (t.mode as number)
          : undefined;
    if (mode !== undefined) opts.Mode = mode;
    else
      ctx.invalid(
        name,
        `${at}.tmpfs.mode`,
        ctx.locOf(name, t, 'mode'),
        `${JSON.stringify(t.mode)} is not a file mode`,
      );
  }
  if (Object.keys(opts).length > 0) m.TmpfsOptions = opts;
  return m;
}
