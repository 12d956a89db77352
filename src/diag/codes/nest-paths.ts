import type { CodeTable } from './types.js';

/**
 * Codes of the resolver: path translation through parent mounts and the socket
 * (src/resolve/paths). docs/nestfile-paths.md explains each rule with an example.
 */
export const NEST_PATHS_CODES = {
  'nest-path-unmounted': {
    meaning:
      "A path an inner service uses (a bind source, a build context, a config or secret file, an env_file) is under none of its parent's mounts: it exists only inside the parent's own filesystem, which a sibling container cannot see.",
    fix: 'Mount that directory (or one above it) into the parent with a bind or a named volume, then use it from the child at the path the parent sees it.',
  },
  'nest-path-not-shared': {
    meaning:
      "A path an inner service uses is inside an anonymous volume or an image mount of its parent: that mount has no name another container could mount, so a sibling cannot see the parent's files there.",
    fix: 'Make the parent mount a named volume (`name:/path`) or a bind, or mount the image into the child itself.',
  },
  'nest-path-read-only': {
    meaning:
      'An inner service asks to write (`:rw`, or `read_only: false` written out) to a path under a read-only mount of its parent; the child would get write access the parent does not have.',
    fix: 'Remove `:rw` / `read_only: false` from the child (it is then mounted read-only), or make the parent mount writable.',
  },
  'nest-path-in-tmpfs': {
    meaning:
      "A path an inner service uses is under a tmpfs of its parent: that memory belongs to the parent's container alone and no other container can mount it.",
    fix: 'Give the parent a named volume or a bind at that path instead of a tmpfs, or let the child use its own tmpfs.',
  },
  'nest-socket-not-shared': {
    meaning:
      'An inner service binds the engine socket, but its parent does not have it (`x-nest.socket` is not `host`, or the engine is reached over tcp:// or ssh://).',
    fix: 'Set `x-nest.socket: host` on the parent (which gives it, and this child, root on the host), or remove the socket mount from the child.',
  },
  'nest-socket-host': {
    meaning:
      'A service gets the engine socket (`x-nest.socket: host`, or a child binding the socket its parent has): whoever controls that container controls the host as root.',
    fix: 'Accept it knowingly, or run the nested containers without giving the parent the socket (`socket: none`).',
  },
  'nest-build-context-not-host': {
    meaning:
      'A build context, an additional build context or an absolute Dockerfile path of an inner service is inside a named volume or is a config/secret file of the parent: Compose reads a build context from a host directory, and a volume has none that nestc may use.',
    fix: 'Bind the directory into the parent from a host path, or build the image first and use `image:`.',
  },
  'nest-file-not-host': {
    meaning:
      'A file Compose reads itself (an env_file, a config or secret `file`, a bind `device` of a volume) is inside a named volume: Compose reads these on the host, where a volume has no path nestc may use.',
    fix: 'Bind the directory holding the file into the parent from a host path, or use `environment:` / `content:` instead of a file.',
  },
} as const satisfies CodeTable;

/** A code of this table, for typed `diags.error(...)` calls. */
export type NestPathsCode = keyof typeof NEST_PATHS_CODES;
