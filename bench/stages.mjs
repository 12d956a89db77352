#!/usr/bin/env node
// Where a load's time goes: each loader stage of one generated Compose file, timed in a fresh
// process per round (as `bench/load.mjs` does), median per stage. The stages are called in the
// order `loadProject` (src/loader/load.ts) calls them, for a single file without `extends`
// files or `include`; keep the two in step. A stage's time includes the garbage collections that
// happen while it runs, which are partly the previous stages' garbage.
// Usage: npm run build && node bench/stages.mjs [--services N] [--rounds N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './gen-compose.mjs';
import { median } from './median.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => Number(process.argv[process.argv.indexOf(name) + 1]) || dflt;
const rounds = arg('--rounds', 5);
const services = arg('--services', 10000);

if (process.argv[2] === '--child') {
  const dist = path.join(here, '../dist');
  const imp = (p) => import(path.join(dist, p));
  const { newLoadContext } = await imp('loader/new-context.js');
  const { resolveSetup } = await imp('loader/project-setup.js');
  const { readFileDocs } = await imp('loader/load-file.js');
  const { envWithProjectName } = await imp('loader/project-name-env.js');
  const { interpolate } = await imp('loader/interpolate.js');
  const { validateSchema } = await imp('schema/validate.js');
  const { canonicalize } = await imp('loader/canonical/index.js');
  const { applyExtends } = await imp('loader/extends.js');
  const { applyInclude } = await imp('loader/include.js');
  const { resolvePaths } = await imp('loader/paths.js');
  const { applyProfiles } = await imp('loader/profiles.js');
  const { projectName } = await imp('loader/project-name.js');
  const { normalizeProject } = await imp('loader/normalize.js');
  const { checkReferences } = await imp('loader/check-references.js');
  const file = process.argv[3];
  const times = {};
  let t = performance.now();
  const lap = (stage) => {
    const now = performance.now();
    times[stage] = now - t;
    t = now;
  };
  const ctx = newLoadContext();
  const setup = resolveSetup({ files: [file], env: {} }, ctx);
  const docs = readFileDocs(file, ctx);
  lap('read');
  const env = envWithProjectName(setup, docs);
  const raw = docs[0];
  interpolate(raw, env, ctx.diags);
  lap('interpolation');
  validateSchema(raw, file, ctx.diags);
  lap('schema');
  canonicalize(raw, ctx.diags);
  lap('short syntax');
  applyExtends(raw, file, env, ctx);
  applyInclude(raw, { ...setup, env }, ctx);
  lap('extends, include');
  resolvePaths(raw, setup.projectDir, env, ctx.diags);
  lap('paths');
  applyProfiles(raw, setup.profiles, ctx.diags);
  const name = projectName(setup, raw, ctx.diags);
  lap('profiles, name');
  const project = normalizeProject(
    raw,
    { name, projectDir: setup.projectDir, env, readText: ctx.readText },
    ctx.diags,
  );
  lap('normalize');
  checkReferences(project, ctx.diags, { disabled: new Set() });
  lap('references');
  if (ctx.diags.hasErrors()) throw new Error('the generated file has errors');
  times.total = Object.values(times).reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-stages-'));
try {
  const file = path.join(dir, 'compose.yaml');
  writeFileSync(file, generate(services));
  const runs = [];
  for (let r = 0; r < rounds; r++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], {
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out));
  }
  console.log(
    `nestc load stages: ${services} services, node ${process.version}, ${os.cpus().length} cores, ${rounds} rounds`,
  );
  console.table(
    Object.keys(runs[0]).map((stage) => ({
      stage,
      'ms (median)': median(runs.map((r) => r[stage])).toFixed(0),
      'ms (min)': Math.min(...runs.map((r) => r[stage])).toFixed(0),
    })),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
