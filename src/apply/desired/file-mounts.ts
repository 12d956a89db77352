import type { FileObject, Service, ServiceFileRef } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import type { Body } from './body.js';
import { checkKeys } from './check-keys.js';
import type { DesiredContext } from './context.js';

const KINDS = [
  { key: 'secrets', dir: '/run/secrets/' },
  { key: 'configs', dir: '/' },
] as const;

/**
 * File-based `secrets` and `configs` as read-only bind mounts of the file at the target, which is
 * what Compose v2 does outside swarm (`buildContainerSecretMounts` / `...ConfigMounts`): secrets
 * at `/run/secrets/SOURCE` unless a target is given (a relative target is under `/run/secrets/`),
 * configs at `/SOURCE` (relative: under `/`). They are `Mounts` binds, so a missing file is an
 * error of the engine, not an empty directory. A target that a `volumes` entry already mounts
 * keeps the volume, as in Compose. External objects and ones made from `environment` or
 * `content` (which Compose copies into the container after creating it) are errors here;
 * `uid`, `gid` and `mode` cannot be applied to a bind mount: a warning, as Compose warns.
 */
export function fileMounts(
  ctx: DesiredContext,
  name: string,
  s: Service,
  taken: Set<string>,
): Body[] {
  const out: Body[] = [];
  for (const { key, dir } of KINDS) {
    const refs = s[key];
    if (!Array.isArray(refs)) continue;
    const defs = (ctx.project[key] ?? {}) as Record<string, FileObject>;
    refs.forEach((ref: ServiceFileRef, i) => {
      const at = `${key}[${i}]`;
      const loc = getLoc(refs, i) ?? ctx.serviceLoc(name);
      checkKeys(ctx, name, ref, at, {
        mapped: ['source', 'target'],
        ignored: {
          uid: 'a bind-mounted file keeps its owner on the host; docker compose ignores this too',
          gid: 'a bind-mounted file keeps its group on the host; docker compose ignores this too',
          mode: 'a bind-mounted file keeps its mode on the host; docker compose ignores this too',
        },
      });
      const def = defs[ref.source];
      const target = !ref.target
        ? dir + ref.source
        : ref.target.startsWith('/')
          ? ref.target
          : dir + ref.target;
      if (!def || def.external === true || typeof def.file !== 'string') {
        const what = !def
          ? 'is not declared'
          : def.external === true
            ? 'is external (a swarm object)'
            : 'is not a file';
        ctx.unsupported(
          name,
          at,
          loc,
          `${key.slice(0, -1)} "${ref.source}" ${what}; nestc mounts only file-based ${key}`,
          `declare it with file: PATH`,
        );
        return;
      }
      if (taken.has(target)) return;
      taken.add(target);
      out.push({ Type: 'bind', Source: def.file, Target: target, ReadOnly: true });
    });
  }
  return out;
}
