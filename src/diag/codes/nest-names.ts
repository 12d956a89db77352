import type { CodeTable } from './types.js';

/** Codes of the resolver: Flat names, scoped resources and networks (src/resolve/names). */
export const NEST_NAMES_CODES = {
  'nest-name-collision': {
    meaning:
      'Two services get the same flat name: a root service already has the name an inner service derives from its nest path (a root `agent-db` and `db` in the `x-nest` of `agent`), or two nest paths join to the same text (`a-b/c` and `a/b-c`).',
    fix: 'Rename one of the two services. The message names both declarations.',
  },
  'nest-container-name-collision': {
    meaning:
      'Services in different scopes set the same `container_name`; it is kept verbatim in the flat file, and the engine allows one container per name.',
    fix: 'Give one of them another `container_name`, or remove it and let Compose name the container.',
  },
  'nest-resource-key-collision': {
    meaning:
      'Two networks, volumes, configs or secrets get the same key in the flat file: an inner resource is keyed by its scope\'s flat name, "-", and its name, which a root resource (or one of another scope) already uses (a root network `agent-default` and the `default` network of `agent`).',
    fix: 'Rename one of the two resources. The message names both declarations.',
  },
  'nest-parent-network-mode': {
    meaning:
      'A service with `network_mode` opens an `x-nest` scope whose services use networks. The parent must join those networks to reach its children, and `network_mode` forbids joining any.',
    fix: 'Remove `network_mode` from the parent, or give every inner service a `network_mode` so its scope has no network.',
  },
  'nest-dns-ambiguous': {
    meaning:
      'Warning: one container can resolve a name to two different services on its networks (for example a root `db` and the `db` in its own `x-nest`, both visible to the parent); DNS answers either one.',
    fix: 'Rename one of the services, or use a name only one of them answers to, such as its flat name.',
  },
} as const satisfies CodeTable;
