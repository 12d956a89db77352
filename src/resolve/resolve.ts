import type { Diagnostic } from '../diag/diagnostic.js';
import type { SourceStore } from '../diag/source-store.js';
import type { LoadContext } from '../loader/context.js';
import type { Project } from '../model/compose.js';
import { addWaitDependencies } from './deps/wait.js';
import { checkCycles } from './deps/cycles.js';
import { rewriteServiceRefs } from './deps/service-refs.js';
import { flatten } from './flatten.js';
import { lintGraph } from './lint/lint-graph.js';
import { assignResourceKeys } from './names/resource-keys.js';
import { rewriteResourceRefs } from './names/resource-refs.js';
import { assignServiceNames } from './names/service-names.js';
import { wireNetworks } from './networks/wire-networks.js';
import { applySocket } from './paths/socket.js';
import { translateScopePaths } from './paths/translate-scope.js';
import { allocatePorts } from './ports/allocate.js';
import { loadChildScope, rootScope } from './scope/build-scope.js';
import type { ScopeLoadOptions } from './scope/load-inner.js';
import type { FlatGraph, ResolveContext, ResolveOptions, Scope } from './types.js';

export interface ResolveResult {
  graph?: FlatGraph;
  diagnostics: Diagnostic[];
  sources: SourceStore;
}

/**
 * The resolver pipeline (NESTFILE.md "Resolution rules"), and the only place that knows the
 * order of its stages. Scopes are opened parents first, because an inner file is read through
 * its parent's translated mounts: per scope, resource keys → resource references → paths →
 * the socket of parents with `socket: host` (a host path, added after translation) →
 * children. Then, over the whole tree: flat names → networks → service references → wait →
 * cycles → ports → lints → the flat project.
 *
 * Pure but for reading the files a scope names; the load context's diagnostics collect
 * everything, and the graph is returned only when there is no error.
 */
export function resolveProject(
  project: Project,
  load: LoadContext,
  options: ResolveOptions & ScopeLoadOptions,
): ResolveResult {
  const ctx: ResolveContext = {
    diags: load.diags,
    sources: load.sources,
    options,
    projectName: project.name,
    readText: load.readText,
  };
  const done = (graph?: FlatGraph): ResolveResult => ({
    ...(graph && !ctx.diags.hasErrors() ? { graph } : {}),
    diagnostics: ctx.diags.sorted(),
    sources: ctx.sources,
  });

  const root = rootScope(project, ctx);
  const queue: Scope[] = [root];
  for (let scope = queue.shift(); scope; scope = queue.shift()) {
    assignResourceKeys(scope, ctx);
    rewriteResourceRefs(scope, ctx);
    translateScopePaths(scope, ctx);
    for (const node of scope.nodes.values()) {
      if (!node.nest) continue;
      if (node.nest.socket === 'host') applySocket(node, ctx);
      const child = loadChildScope(node, ctx, options);
      if (child) queue.push((node.child = child));
    }
  }
  if (ctx.diags.hasErrors()) return done();

  assignServiceNames(root, ctx);
  wireNetworks(root, ctx);
  rewriteServiceRefs(root, ctx);
  addWaitDependencies(root, ctx);
  checkCycles(root, ctx);
  if (ctx.diags.hasErrors()) return done();

  const ports = allocatePorts(root, ctx);
  lintGraph(root, ports, ctx);
  return done(flatten(root, ports, ctx));
}
