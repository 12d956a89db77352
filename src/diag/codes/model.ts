import type { CodeTable } from './types.js';

/**
 * Codes of the model stages: paths (src/loader/paths.ts), normalization
 * (src/loader/normalize.ts) and the consistency checks Compose makes on a loaded project
 * (src/loader/check-references.ts). Each mirrors an error `docker compose` gives for the same file.
 */
export const MODEL_CODES = {
  'volume-bind-no-source': {
    meaning: 'A `type: bind` volume has no `source`.',
    fix: 'Give the host path to mount, or use `type: volume` for an anonymous volume.',
  },
  'scale-replicas-conflict': {
    meaning: 'A service sets `scale` and `deploy.replicas` to different numbers.',
    fix: 'Keep one of the two, or make them equal.',
  },
  'ref-unknown-service': {
    meaning:
      'A service refers to a service that does not exist (`depends_on`, `links`, `volumes_from`, or `service:NAME` in `network_mode`, `ipc`, `pid`, `uts`, `cgroup`).',
    fix: 'Fix the name, declare the service, or enable the profile that declares it (`required: false` lets `depends_on` skip a service disabled by profiles).',
  },
  'ref-unknown-network': {
    meaning: 'A service joins a network that is not declared under the top-level `networks`.',
    fix: 'Declare the network at the top level (`networks: {NAME: {}}`), or fix the name.',
  },
  'ref-unknown-volume': {
    meaning: 'A service mounts a named volume that is not declared under the top-level `volumes`.',
    fix: 'Declare the volume at the top level, or write the source as a path (`./NAME`) for a bind mount.',
  },
  'ref-unknown-config': {
    meaning: 'A service uses a config that is not declared under the top-level `configs`.',
    fix: 'Declare the config at the top level, or fix the name.',
  },
  'ref-unknown-secret': {
    meaning:
      'A service (or its build) uses a secret that is not declared under the top-level `secrets`.',
    fix: 'Declare the secret at the top level, or fix the name.',
  },
  'service-no-image': {
    meaning: 'A service has neither `image` nor `build`, so there is nothing to run.',
    fix: 'Add `image:` or `build:`.',
  },
  'network-mode-and-networks': {
    meaning: 'A service sets both `network_mode` and `networks`; Compose rejects the pair.',
    fix: 'Remove one of them.',
  },
  'container-name-with-scale': {
    meaning:
      'A service with a fixed `container_name` asks for more than one replica; container names are unique.',
    fix: 'Remove `container_name`, or set `scale` / `deploy.replicas` to 1.',
  },
  'container-name-duplicate': {
    meaning: 'Two services set the same `container_name`.',
    fix: 'Give each service its own container name, or remove one.',
  },
  'build-dockerfile-conflict': {
    meaning: 'A build sets both `dockerfile` and `dockerfile_inline`.',
    fix: 'Keep one of them.',
  },
  'secret-no-source': {
    meaning: 'A top-level secret is not external and declares neither `file` nor `environment`.',
    fix: 'Add `file:` or `environment:`, or mark it `external: true`.',
  },
} as const satisfies CodeTable;

/** A code of this table, for typed `diags.error(...)` calls. */
export type ModelCode = keyof typeof MODEL_CODES;
