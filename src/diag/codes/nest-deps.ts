import type { CodeTable } from './types.js';

/**
 * Codes of the resolver: Dependencies and references across scopes (src/resolve/deps). An
 * unknown name inside a scope reuses the loader's `ref-unknown-service` (model.ts).
 */
export const NEST_DEPS_CODES = {
  'nest-ref-other-scope': {
    meaning:
      'A service of a scope refers (`depends_on`, `links`, `volumes_from`, or `service:NAME` in `network_mode`, `pid`, `ipc`, `uts`, `cgroup`) to a name its scope does not declare, but another scope (the parent, a sibling or a child scope) does: references stay within a scope.',
    fix: 'Declare the service in the same scope, or move the reference to a service of the scope that declares it. A child cannot wait for its own parent: the parent waits for its children (`x-nest.wait`).',
  },
  'nest-dependency-cycle': {
    meaning:
      'Services wait for each other in a circle (through `depends_on`, `links`, `volumes_from`, `service:` namespaces, or a parent waiting for its children), so none of them can start first.',
    fix: 'Remove one of the dependencies the message lists.',
  },
} as const satisfies CodeTable;

/** A code of this table, for typed `diags.error(...)` calls. */
export type NestDepsCode = keyof typeof NEST_DEPS_CODES;
