import type { SourceLoc } from '../../diag/diagnostic.js';
import type { ServiceVolume } from '../../model/compose.js';
import { getLoc, getSelfLoc, isWritten } from '../../model/locations.js';
import type { NestNode } from '../types.js';
import type { PathView } from './path-view.js';
import { report, translateUse } from './path-use.js';

/**
 * One bind mount of a service, rewritten in place to what the host sees (rule 2): a host path,
 * or a named volume of an ancestor when the source lies in one (at its root with `nocopy`, since
 * the parent populated it; below its root with a `subpath`). Under a read-only parent mount the
 * bind is read-only too; an entry that writes `read_only: false` (`:rw` in the short syntax) is
 * an error there. Only the volume entry counts: a service's own `read_only` is about its root
 * filesystem, not its mounts. The entry object is kept, so the positions of `source` and
 * `target` stay with it.
 */
export function translateBind(view: PathView, node: NestNode, vol: ServiceVolume, i: number): void {
  if (vol.type !== 'bind' || typeof vol.source !== 'string' || !vol.source.startsWith('/')) return;
  const list = node.service.volumes ?? [];
  const loc = getLoc(vol, 'source') ?? getSelfLoc(vol) ?? getLoc(list, i);
  const what = `services.${node.nestPath}.volumes[${i}]`;
  const t = translateUse(view, vol.source, { what, loc, use: 'bind' });
  if (!t) return;
  if (t.readOnly) {
    if (isWritten(vol, 'read_only') && vol.read_only === false) {
      report(
        view,
        'nest-path-read-only',
        { what, loc: getLoc(vol, 'read_only') ?? loc, use: 'bind' },
        `asks to write to ${vol.source}, but ${view.owner} mounts ${t.via.target} read-only`,
        {
          hint: 'remove `:rw` (or `read_only: false`): the mount is then read-only, as in the parent',
          via: t.via,
        },
      );
      return;
    }
    // Derived, not written: it carries no position, so a grandchild's `:rw` is still judged on
    // its own entry.
    vol.read_only = true;
  }
  if (t.kind === 'bind') {
    vol.source = t.source;
    if (view.parent && t.source === view.socket) warnChildSocket(view, what, loc, t.source);
    return;
  }
  vol.type = 'volume';
  vol.source = view.volumeKey(t.volume);
  delete vol.bind;
  vol.volume = t.subpath !== undefined ? { subpath: t.subpath } : { nocopy: true };
}

function warnChildSocket(
  view: PathView,
  what: string,
  loc: SourceLoc | undefined,
  socket: string,
): void {
  view.ctx.diags.warn(
    'nest-socket-host',
    `${what}: gets the engine socket ${socket} that ${view.owner} shares: this container is root on the host`,
    loc,
    { hint: 'remove the mount unless this service must start containers itself' },
  );
}
