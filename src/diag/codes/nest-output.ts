import type { CodeTable } from './types.js';

/** Codes of the resolver: Compile and graph output (src/views, src/cli/commands). */
export const NEST_OUTPUT_CODES = {
  'nest-in-container-no-path-map': {
    meaning:
      "nestc runs inside a container (its id was found in `/proc/self/mountinfo` or `/proc/self/cgroup`) and no `--path-map` was given. `compile` and `graph` have no engine to ask which host directories this container mounts, so the root project's paths are written as the container sees them, which the engine would read as host paths.",
    fix: 'Pass `--path-map CONTAINER_PATH=HOST_PATH` (repeatable; the host side may be `volume:NAME[/sub]`) for the directories the project lives in, or run nestc on the host.',
  },
  'nest-compat-v1-unsupported': {
    meaning:
      "With `--compat v1`, the flat graph needs something Debian's `docker-compose` 1.29 cannot express, such as a volume `subpath` (a child mounting a directory below the root of its parent's named volume), a long-syntax key 1.29's schema lacks, or a published port range with other port options. nestc does not drop it, because the project would then run with a different meaning.",
    fix: 'Compile without `--compat v1` and run the file with `docker compose` (v2), or change the nestfile entry the error points at (for a `subpath`: mount a bind directory into the parent for that path, or mount the whole volume in the child).',
  },
  'nest-output-write-failed': {
    meaning:
      'The file named by `-o` could not be written (its directory is missing, or not writable).',
    fix: 'Create the directory, or name a file you can write.',
  },
} as const satisfies CodeTable;
