import type { FlatGraph } from '../../resolve/types.js';

/**
 * What `down` needs of the nestfile: which flat services exist (a labelled container of any
 * other service is an orphan) and what each depends on (it goes before those). Taken from the
 * flat graph, where a parent's dependence on its children (`x-nest.wait`) is a `depends_on`
 * like any other.
 */
export interface ProjectServices {
  /** Flat service names. */
  services: ReadonlySet<string>;
  /** Flat service name → the flat services it depends on, in name order. */
  dependsOn: ReadonlyMap<string, readonly string[]>;
}

/** The services of a flat graph and their dependencies. */
export function projectServices(graph: FlatGraph): ProjectServices {
  const services = new Set<string>();
  const dependsOn = new Map<string, string[]>();
  for (const [name, s] of Object.entries(graph.project.services)) {
    services.add(name);
    dependsOn.set(name, Object.keys(s.depends_on ?? {}).sort());
  }
  return { services, dependsOn };
}
