import type { SourceLoc } from '../../diag/diagnostic.js';
import type { ServiceVolume } from '../../model/compose.js';
import { getLoc, getSelfLoc } from '../../model/locations.js';
import type { NestNode, PathMapEntry } from '../types.js';
import { fileMounts } from './file-mounts.js';
import { normalizeAbs } from './translate.js';

/**
 * One mount of a container, in host terms: what a path below `target` inside that container is
 * on the host. A parent's mount table is what its children's paths translate through
 * (NESTFILE.md rule 2). `loc` is where the mount was declared, so an error about a child's path
 * can also point at the parent mount it fell into.
 *
 * `anonymous` (a volume with no source) and `image` (an image mount) are kept as mounts of their
 * own rather than left out: a path inside one is not "unmounted" (the parent does see a mount
 * there), it is unshareable, and the error says so.
 */
export type Mount =
  | { kind: 'bind'; target: string; source: string; readOnly: boolean; loc?: SourceLoc }
  /** `volume` is the flat key of the volume (path-map volumes: the engine name). */
  | {
      kind: 'volume';
      target: string;
      volume: string;
      subpath?: string;
      readOnly: boolean;
      loc?: SourceLoc;
    }
  | { kind: 'tmpfs'; target: string; loc?: SourceLoc }
  /** A file-based config or secret: `source` is the host file. */
  | { kind: 'file'; target: string; source: string; readOnly: true; loc?: SourceLoc }
  | { kind: 'anonymous'; target: string; loc?: SourceLoc }
  | { kind: 'image'; target: string; image: string; loc?: SourceLoc };

/**
 * The mount table of a service whose own paths are already host paths: its `volumes` (binds,
 * named volumes, tmpfs, anonymous volumes, image mounts), its `tmpfs` list, its file-based
 * configs and secrets, then what it takes with `volumes_from` from services of its own scope
 * (listed last, so that on an equal target its own mount wins, as in the engine).
 */
export function mountsOf(node: NestNode): Mount[] {
  return collect(node, false, new Set());
}

function collect(node: NestNode, forceReadOnly: boolean, seen: Set<NestNode>): Mount[] {
  seen.add(node);
  const s = node.service;
  const out: Mount[] = [];
  (s.volumes ?? []).forEach((vol, i) => {
    const m = volumeMount(vol, getSelfLoc(vol) ?? (s.volumes && getLoc(s.volumes, i)));
    if (m) out.push(m);
  });
  const tmpfs = s.tmpfs;
  if (Array.isArray(tmpfs)) {
    tmpfs.forEach((t, i) => {
      if (typeof t !== 'string' || t === '') return;
      const loc = getLoc(tmpfs, i);
      out.push({ kind: 'tmpfs', target: t.split(':')[0] as string, ...(loc ? { loc } : {}) });
    });
  }
  out.push(...fileMounts(node));
  for (const from of volumesFrom(node)) {
    if (seen.has(from.node)) continue;
    out.push(...collect(from.node, forceReadOnly || from.readOnly, seen));
  }
  return forceReadOnly ? out.map(readOnlyCopy) : out;
}

function volumeMount(vol: ServiceVolume, loc: SourceLoc | undefined): Mount | undefined {
  const target = normalizeAbs(vol.target);
  const readOnly = vol.read_only === true;
  const at = loc ? { loc } : {};
  switch (vol.type) {
    case 'bind':
      return vol.source ? { kind: 'bind', target, source: vol.source, readOnly, ...at } : undefined;
    case 'volume': {
      if (!vol.source) return { kind: 'anonymous', target, ...at };
      const subpath = vol.volume?.subpath;
      return {
        kind: 'volume',
        target,
        volume: vol.source,
        ...(subpath ? { subpath } : {}),
        readOnly,
        ...at,
      };
    }
    case 'tmpfs':
      return { kind: 'tmpfs', target, ...at };
    case 'image':
      return { kind: 'image', target, image: vol.source ?? '', ...at };
    default:
      // npipe (Windows) and cluster (Swarm) mounts have no meaning for a Linux sibling.
      return undefined;
  }
}

/** `volumes_from` entries naming services of the same scope (`container:` ones are unknowable). */
function volumesFrom(node: NestNode): { node: NestNode; readOnly: boolean }[] {
  const list = node.service.volumes_from;
  if (!Array.isArray(list)) return [];
  const out: { node: NestNode; readOnly: boolean }[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string' || entry.startsWith('container:')) continue;
    const [name = '', mode] = entry.split(':');
    const from =
      node.scope.nodes.get(name) ?? [...node.scope.nodes.values()].find((n) => n.flatName === name);
    if (from) out.push({ node: from, readOnly: mode === 'ro' });
  }
  return out;
}

function readOnlyCopy(m: Mount): Mount {
  return m.kind === 'bind' || m.kind === 'volume' ? { ...m, readOnly: true } : m;
}

/**
 * nestc's own mount table, from `--path-map`: what a path of nestc's view is on the host. A
 * volume's flat key is its engine name; the paths stage declares it as an external volume of
 * the root scope when a root path lands in it.
 */
export function pathMapMounts(pathMap: readonly PathMapEntry[]): Mount[] {
  return pathMap.map((e): Mount => {
    const target = normalizeAbs(e.container);
    if (e.host.kind === 'path') {
      return { kind: 'bind', target, source: normalizeAbs(e.host.path), readOnly: false };
    }
    const subpath = e.host.subpath?.replace(/^\/+|\/+$/g, '');
    return {
      kind: 'volume',
      target,
      volume: e.host.name,
      ...(subpath ? { subpath } : {}),
      readOnly: false,
    };
  });
}
