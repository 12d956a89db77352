import type { CodeTable } from './types.js';

/** Codes of the resolver: loading `x-nest` scopes (src/resolve/scope). */
export const NEST_SCOPE_CODES = {
  'nest-file-outside-mounts': {
    meaning:
      'A file an inner project needs (`x-nest.file`, its `.env`, an `env_file`, an `extends.file`) is, in the parent’s view, under none of the parent’s mounts (or on a tmpfs): it exists only inside the parent container, so neither the host nor nestc can read it.',
    fix: 'Mount the directory that holds the file into the parent service (a bind or named volume), or fix the path; it is written in the parent’s view.',
  },
  'nest-file-not-visible': {
    meaning:
      'The file is on the host (or in a named volume), but nestc runs in a container and no `--path-map` tells where it sees that place.',
    fix: 'Pass `--path-map CONTAINER_PATH=HOST_PATH` (or `=volume:NAME`) for the directory nestc sees it in.',
  },
  'nest-scope-home': {
    meaning:
      'A path inside an `x-nest` scope starts with `~`: whose home that is inside the parent is unknown.',
    fix: 'Write the path absolute, in the parent’s view.',
  },
  'nest-scope-relative-path': {
    meaning:
      'A relative path inside an `x-nest` scope has nothing to be relative to: no `x-nest.working_dir`, no `x-nest.file`, and no `working_dir` on the parent (the image’s WORKDIR is not known offline).',
    fix: 'Set `x-nest.working_dir` (or a `working_dir` on the parent), or write the path absolute in the parent’s view.',
  },
  'nest-parent-scaled': {
    meaning:
      'A service with `x-nest` has `scale` or `deploy.replicas` above 1: each replica would start the same children, which this version does not support.',
    fix: 'Set the parent’s scale/replicas to 1, or move `x-nest` to a service that runs once.',
  },
} as const satisfies CodeTable;
