/**
 * The `compose-v1` lowering of mounts and devices: long forms 1.29 cannot read back, written in
 * the short syntax it does read, with the same meaning. What the short syntax cannot say is
 * kept long, so that 1.29 rejects it rather than misreads it.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys of an object, other than `allowed`: what would make the short syntax lose something. */
const others = (o: Obj, allowed: string[]): string[] =>
  Object.keys(o).filter((k) => o[k] !== undefined && !allowed.includes(k));

/** A path that the short syntax can hold: a `:` would split it. */
const shortable = (s: unknown): s is string =>
  typeof s === 'string' && s !== '' && !s.includes(':');

/**
 * A mount as `source:target[:modes]`, or unchanged. 1.29 passes short-syntax modes to the engine
 * as written (its `config` prints `d:/e:ro,nocopy,z` back unchanged; measured), and Docker's
 * `-v` modes are `ro`/`rw`, `z`/`Z` and `nocopy` for a named volume, propagation for a bind.
 * - A bind with `create_host_path: true`: the spec says the short syntax implies it ("automatically
 *   implied by short syntax"), and 1.29 has no `create_host_path` key.
 * - A named volume with `bind.selinux` (compose-go's model of `name:/target:z`): 1.29's long
 *   syntax has no `selinux`, its short syntax has. Not when the source starts with `.`, `/` or
 *   `~`: the short syntax would read that as a bind.
 */
export function lowerVolume(v: unknown): unknown {
  if (!isObj(v) || !shortable(v.source) || !shortable(v.target)) return v;
  const bind = isObj(v.bind) ? v.bind : {};
  const volume = isObj(v.volume) ? v.volume : {};
  let modes: unknown[];
  if (v.type === 'bind' && bind.create_host_path === true) {
    if (others(v, ['type', 'source', 'target', 'read_only', 'bind']).length > 0) return v;
    if (others(bind, ['create_host_path', 'selinux', 'propagation']).length > 0) return v;
    modes = [bind.selinux, bind.propagation];
  } else if (v.type === 'volume' && bind.selinux !== undefined && !/^[./~]/.test(v.source)) {
    if (others(v, ['type', 'source', 'target', 'read_only', 'bind', 'volume']).length > 0) return v;
    if (others(bind, ['selinux']).length > 0 || others(volume, ['nocopy']).length > 0) return v;
    modes = [volume.nocopy === true ? 'nocopy' : undefined, bind.selinux];
  } else {
    return v;
  }
  const access = v.read_only === true ? 'ro' : v.read_only === false ? 'rw' : undefined;
  const all = [access, ...modes].filter((m) => m !== undefined).map(String);
  return `${v.source}:${v.target}${all.length ? `:${all.join(',')}` : ''}`;
}

/**
 * A device `{source, target, permissions}` as `source:target[:permissions]`: 1.29 reads only
 * strings ("devices contains an invalid type, it should be a string"; measured) and splits them
 * as the spec does, with `rwm` for missing permissions (docker-py's `parse_devices`), so the
 * default is left out.
 */
export function lowerDevice(d: unknown): unknown {
  if (!isObj(d) || !shortable(d.source) || others(d, ['source', 'target', 'permissions']).length) {
    return d;
  }
  const target = d.target ?? d.source;
  if (!shortable(target) || (d.permissions !== undefined && !shortable(d.permissions))) return d;
  const perms = d.permissions === undefined || d.permissions === 'rwm' ? '' : `:${d.permissions}`;
  return `${d.source}:${target}${perms}`;
}
