import { applyProfiles } from '../../loader/profiles.js';
import { checkReferences } from '../../loader/check-references.js';
import { buildModel, readFileDocs } from '../../loader/load-file.js';
import { applyExtends } from '../../loader/extends.js';
import { mergeModels } from '../../loader/merge.js';
import { normalizeProject } from '../../loader/normalize.js';
import { resolvePaths } from '../../loader/paths.js';
import type { Project, RawModel } from '../../model/compose.js';
import { getLoc } from '../../model/locations.js';
import type { NestNode, ResolveContext, Scope } from '../types.js';
import { checkScopePaths } from './check-scope-paths.js';
import type { ScopeLoadOptions } from './load-inner.js';
import { addNodes } from './new-node.js';
import { newScope } from './new-scope.js';
import { scopeDirs } from './scope-dirs.js';
import { scopeEnv } from './scope-env.js';
import { resolveScopeExtends } from './scope-extends.js';
import { scopeReader } from './scope-reader.js';

const INNER_KEYS = ['services', 'networks', 'volumes', 'configs', 'secrets'] as const;

/** The root scope: the services and resources of the loaded project. */
export function rootScope(project: Project, _ctx: ResolveContext): Scope {
  const scope = newScope(undefined, project);
  addNodes(scope, project.services);
  return scope;
}

/**
 * The scope a service opens with `x-nest`, loaded exactly like a Compose project but in the
 * parent's view (NESTFILE.md, "Loading a scope"): the inner file is read through the parent's
 * mounts and interpolated with the parent's environment and its `.env`; the inline block
 * (interpolated with the outer file) merges over it; profiles, `extends`, paths against the
 * scope's working directory, normalization, resource references. Undefined on error (reported).
 */
export function loadChildScope(
  node: NestNode,
  ctx: ResolveContext,
  options: ScopeLoadOptions,
): Scope | undefined {
  if (!checkParentScale(node, ctx)) return undefined;
  const dirs = scopeDirs(node, ctx);
  if (!dirs) return undefined;
  const scope = newScope(node, {}, dirs.workingDir);
  const reader = scopeReader(scope, ctx);
  const env = scopeEnv(node, dirs.workingDir, reader, options.env, ctx);
  const loadCtx = { diags: ctx.diags, sources: ctx.sources, readText: ctx.readText };
  const before = ctx.diags.errorCount;

  let model: RawModel | undefined;
  if (dirs.file !== undefined) {
    const at = reader.locate(dirs.file, dirs.fileLoc);
    const docs = at === undefined ? undefined : readFileDocs(at, loadCtx, dirs.fileLoc);
    model = docs && buildModel(docs, at!, env, loadCtx);
    if (!model) return undefined;
    applyExtends(model, at!, env, loadCtx);
  }
  const inline = inlineModel(node.service['x-nest'] as Record<string, unknown>);
  model = model ? mergeModels(model, inline, ctx.diags) : inline;
  applyProfiles(model, [...options.profiles], ctx.diags);
  const declaredIn = node.loc?.file ?? dirs.file ?? node.nestPath;
  resolveScopeExtends(model, declaredIn, dirs.workingDir, env, reader, ctx);
  if (ctx.diags.errorCount > before) return undefined;
  if (!checkScopePaths(model, dirs.workingDir, node.nestPath, ctx)) return undefined;
  if (dirs.workingDir !== undefined) resolvePaths(model, dirs.workingDir, env, ctx.diags);

  const project = normalizeProject(
    model,
    {
      name: ctx.projectName,
      projectDir: dirs.workingDir ?? '/',
      env,
      readText: reader.readText,
      fileExists: reader.exists,
    },
    ctx.diags,
  );
  checkReferences(project, ctx.diags, { skipServiceRefs: true });
  if (ctx.diags.errorCount > before) return undefined;
  scope.networks = project.networks ?? {};
  scope.volumes = project.volumes ?? {};
  scope.configs = project.configs ?? {};
  scope.secrets = project.secrets ?? {};
  addNodes(scope, project.services);
  return scope;
}

/** The inline part of `x-nest` as a Compose model: what merges over `x-nest.file`. */
function inlineModel(block: Record<string, unknown>): RawModel {
  const model: RawModel = {};
  for (const key of INNER_KEYS) if (block[key] !== undefined) model[key] = block[key];
  return model;
}

/** Rule 10: a parent with several replicas would start its children several times. */
function checkParentScale(node: NestNode, ctx: ResolveContext): boolean {
  const s = node.service;
  const replicas = Math.max(s.scale ?? 1, s.deploy?.replicas ?? 1);
  if (replicas <= 1) return true;
  const key = s.scale !== undefined ? 'scale' : 'deploy';
  ctx.diags.error(
    'nest-parent-scaled',
    `"${node.nestPath}" has ${replicas} replicas and an x-nest block`,
    getLoc(s, key) ?? node.loc,
    {
      hint: 'a parent runs once in this version: set scale/replicas to 1, or move x-nest to a service that runs once',
    },
  );
  return false;
}
