import type { Project, Service } from '../model/compose.js';
import { copyLocations, getKeyLoc, setKeyLoc } from '../model/locations.js';
import {
  walkNodes,
  walkScopes,
  type FlatGraph,
  type FlatServiceInfo,
  type PortMapEntry,
  type ResolveContext,
  type ResourceKind,
  type Scope,
} from './types.js';

const KINDS: readonly ResourceKind[] = ['networks', 'volumes', 'configs', 'secrets'];

/**
 * The resolved tree as one plain Compose project: every service under its flat name without
 * `x-nest`, every scope's resources under their flat keys, in sorted order so the same nestfile
 * always gives the same bytes; plus the map back to the nestfile (nest path, declaration) that
 * the header, the JSON view and the graph print. Values are moved, not copied, so their
 * recorded positions still point at the nestfile.
 */
export function flatten(root: Scope, ports: PortMapEntry[], ctx: ResolveContext): FlatGraph {
  const nodes = [...walkNodes(root)].sort((a, b) => cmp(a.flatName, b.flatName));
  const services: Record<string, Service> = {};
  const infos: FlatServiceInfo[] = [];
  for (const node of nodes) {
    services[node.flatName] = withoutNest(node.service);
    if (node.loc) setKeyLoc(services, node.flatName, node.loc);
    infos.push({
      flatName: node.flatName,
      nestPath: node.nestPath,
      depth: node.depth,
      scope: node.scope.path,
      ...(node.loc ? { loc: node.loc } : {}),
    });
  }

  const project: Project = { name: ctx.projectName, services };
  const scopes = [...walkScopes(root)].sort((a, b) => a.depth - b.depth || cmp(a.path, b.path));
  for (const kind of KINDS) {
    const out: Record<string, unknown> = {};
    const entries: [string, unknown, Scope, string][] = [];
    for (const scope of scopes) {
      for (const [inner, value] of Object.entries(scope[kind])) {
        entries.push([scope.keys[kind].get(inner) ?? inner, value, scope, inner]);
      }
    }
    entries.sort((a, b) => cmp(a[0], b[0]));
    for (const [key, value, scope, inner] of entries) {
      out[key] = value;
      const loc = getKeyLoc(scope[kind], inner);
      if (loc) setKeyLoc(out, key, loc);
    }
    if (entries.length > 0) (project as unknown as Record<string, unknown>)[kind] = out;
  }

  return {
    project,
    services: infos,
    ports,
    scopes: scopes.map((s) => ({
      path: s.path,
      depth: s.depth,
      ...(s.parent ? { parent: s.parent.flatName } : {}),
      services: [...s.nodes.values()].map((n) => n.flatName),
      networks: Object.keys(s.networks)
        .map((n) => s.keys.networks.get(n) ?? n)
        .sort(cmp),
    })),
  };
}

/**
 * The service as the flat file has it: itself when it has no `x-nest` (most services: moved,
 * not copied), else a copy without the key. A rest copy, not a spread and `delete`: deleting a
 * key turns each of thousands of flat services into a slow dictionary object, for this stage
 * and for every view that reads it.
 */
function withoutNest(service: Service): Service {
  if (!Object.hasOwn(service, 'x-nest')) return service;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { 'x-nest': _nest, ...rest }: Service = service;
  copyLocations(service, rest);
  return rest;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
