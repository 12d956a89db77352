import path from 'node:path';
import type { SourceLoc } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { getLoc } from '../model/locations.js';
import type { Env, LoadContext } from './context.js';
import { applyExtends } from './extends.js';
import { cycleText, fileLabel, rotateCycle, type CycleStep } from './extends/cycle.js';
import { importResources } from './include/import-resources.js';
import { includeEnv, type IncludeEnvFile } from './include/include-env.js';
import { loadFile } from './load-file.js';
import { mergeModels } from './merge.js';
import { resolvePaths } from './paths.js';
import type { ProjectSetup } from './project-setup.js';

type Obj = Record<string, unknown>;

/** A project that includes others: where its relative paths start, and its environment. */
interface Including {
  dir: string;
  env: Env;
}

/** One file on the current include path, and where the file before it named it. */
interface ChainLink {
  file: string;
  loc: SourceLoc | undefined;
}

/**
 * The include stage (compose-spec 14-include.md, compose-go's `ApplyInclude`), run on the merged
 * `-f` files so that a clash with any of them is seen. Each entry is loaded as a project of its
 * own: its files (relative to the including project's directory) are merged in order, its
 * project directory defaults to the directory of its first file, it is interpolated with its own
 * environment (see `includeEnv`), its own `include`s are applied, its relative paths are made
 * absolute against its project directory, and then its resources are copied into the model.
 * `include` is removed from the model.
 */
export function applyInclude(model: RawModel, setup: ProjectSetup, ctx: LoadContext): void {
  const chain = setup.files.map((file) => ({ file, loc: undefined }));
  includeInto(model, { dir: setup.projectDir, env: setup.env }, chain, ctx);
}

function includeInto(
  model: RawModel,
  including: Including,
  chain: readonly ChainLink[],
  ctx: LoadContext,
): void {
  const entries = model.include;
  delete model.include;
  if (!Array.isArray(entries)) return;
  entries.forEach((raw, i) => {
    const entry = asEntry(raw, entries, i);
    if (!entry) return;
    const files = entry.paths.map((p) => ({
      file: path.resolve(including.dir, p.file),
      loc: p.loc,
    }));
    if (files.some((f) => closesCycle(f, chain, ctx))) return;
    const first = files[0] as ChainLink;
    const projectDir =
      entry.projectDirectory === undefined
        ? path.dirname(first.file)
        : path.resolve(including.dir, entry.projectDirectory);
    const env = includeEnv(entry.envFiles, including, projectDir, ctx);
    if (!env) return;
    const before = ctx.diags.errorCount;
    let merged: RawModel | undefined;
    for (const f of files) {
      const m = loadFile(f.file, env, ctx, f.loc);
      if (!m) continue;
      applyExtends(m, f.file, env, ctx);
      merged = merged ? mergeModels(merged, m, ctx.diags) : m;
    }
    if (!merged || ctx.diags.errorCount > before) return;
    includeInto(merged, { dir: projectDir, env }, [...chain, ...files], ctx);
    resolvePaths(merged, projectDir, env, ctx.diags);
    if (ctx.diags.errorCount > before) return;
    importResources(
      model,
      merged,
      files.map((f) => f.file),
      ctx.diags,
    );
  });
}

/** True (and reported) when `link` is already on the include path. */
function closesCycle(link: ChainLink, chain: readonly ChainLink[], ctx: LoadContext): boolean {
  const start = chain.findIndex((c) => c.file === link.file);
  if (start < 0) return false;
  const nodes = chain.slice(start);
  const first = (nodes[0] as ChainLink).file;
  const steps: CycleStep[] = nodes.map((n, i) => {
    const next = (nodes[i + 1] ?? link) as ChainLink;
    return {
      label: fileLabel(n.file, first),
      sortKey: n.file,
      loc: next.loc,
      message: `${fileLabel(n.file, first)} includes ${fileLabel(next.file, first)}`,
    };
  });
  const ordered = rotateCycle(steps);
  const at = (ordered[0] as CycleStep).loc ?? link.loc;
  ctx.diags.error('include-cycle', `include cycle: ${cycleText(ordered)}`, at, {
    related: ordered.map((s) => ({ message: s.message, ...(s.loc ? { loc: s.loc } : {}) })),
  });
  return true;
}

interface Entry {
  paths: ChainLink[];
  projectDirectory?: string;
  envFiles?: IncludeEnvFile[];
}

/** An include entry in long syntax (a bare string is a path); undefined when it has no path. */
function asEntry(raw: unknown, list: unknown[], i: number): Entry | undefined {
  if (typeof raw === 'string') return { paths: [{ file: raw, loc: getLoc(list, i) }] };
  if (!isObj(raw)) return undefined;
  const paths = strings(raw, 'path').map((s) => ({ file: s.value, loc: s.loc }));
  if (paths.length === 0) return undefined;
  const entry: Entry = { paths };
  if (typeof raw.project_directory === 'string') entry.projectDirectory = raw.project_directory;
  if (raw.env_file !== undefined && raw.env_file !== null) {
    entry.envFiles = strings(raw, 'env_file').map((s) => ({ file: s.value, loc: s.loc }));
  }
  return entry;
}

/** A string or a list of strings at `o[key]`, each with its position. */
function strings(o: Obj, key: string): { value: string; loc: SourceLoc | undefined }[] {
  const v = o[key];
  if (typeof v === 'string') return [{ value: v, loc: getLoc(o, key) }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((s, i) =>
    typeof s === 'string' ? [{ value: s, loc: getLoc(v, i) ?? getLoc(o, key) }] : [],
  );
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
