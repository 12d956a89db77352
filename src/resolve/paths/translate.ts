import type { Mount } from './mounts.js';

/** Where a path of a container's view is on the host. */
export type Translation =
  | { kind: 'bind'; source: string; readOnly: boolean; via: Mount }
  | { kind: 'volume'; volume: string; subpath?: string; readOnly: boolean; via: Mount }
  | { kind: 'tmpfs'; via: Mount }
  | { kind: 'unmounted' };

/** Translate an absolute path through a mount table: the longest matching target wins. */
export function translatePath(_p: string, _mounts: readonly Mount[]): Translation {
  throw new Error('not implemented');
}
