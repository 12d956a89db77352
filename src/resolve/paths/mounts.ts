import type { PathMapEntry, NestNode } from '../types.js';

/**
 * One mount of a container, in host terms: what a path below `target` inside that container is
 * on the host. A parent's mount table is what its children's paths translate through
 * (NESTFILE.md rule 2).
 */
export type Mount =
  | { kind: 'bind'; target: string; source: string; readOnly: boolean }
  /** `volume` is the flat key of the volume (path-map volumes: the engine name). */
  | { kind: 'volume'; target: string; volume: string; subpath?: string; readOnly: boolean }
  | { kind: 'tmpfs'; target: string }
  /** A file-based config or secret: `source` is the host file. */
  | { kind: 'file'; target: string; source: string; readOnly: true };

/** The mount table of a (translated) service: binds, named volumes, tmpfs, file configs/secrets. */
export function mountsOf(_node: NestNode): Mount[] {
  throw new Error('not implemented');
}

/** nestc's own mount table, from `--path-map`. */
export function pathMapMounts(_pathMap: readonly PathMapEntry[]): Mount[] {
  throw new Error('not implemented');
}
