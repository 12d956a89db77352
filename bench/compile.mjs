#!/usr/bin/env node
// Compile benchmark: time and peak memory of `compileProject` (load + resolve) and of the
// `compile` view (`renderCompile`, YAML) for generated nestfiles of 100, 1,000 and 10,000
// services, flat (1 level) and nested 4 levels deep (services at depths 0–3).
// CPU time (user + system, all threads: GC helpers included) is printed beside wall time; on a
// shared machine it moves less with other load than wall time does.
// Each round runs in a fresh child process, so peak RSS belongs to that compile alone and the
// first compile's one-time costs (module loading aside) are counted as a CLI user pays them.
// A second set of children runs `loadProject` alone: the root file's load. The resolver's share
// is compile − that; with nesting it includes reading the inner projects (`x-nest.file` and
// inline blocks go through the loader's stages once per scope).
// Usage: npm run build && node bench/compile.mjs [--rounds N] [--levels 1,2,3,4] [--sizes 100,1000]
// `--dist DIR` measures another build of dist/ (e.g. a copy of the previous one, to compare in
// the same minutes on a busy machine).
// `--write DIR` only writes the generated projects to DIR/n<N>-l<L>/ (for profiling:
// `node --cpu-prof dist/../bin/nestc.js -f DIR/n10000-l4/compose.yaml compile`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './median.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const dist = path.resolve(arg('--dist', path.join(here, '../dist')));
const rounds = Number(arg('--rounds', '5')) || 5;
const levelsList = arg('--levels', '1,4').split(',').map(Number);
const sizes = arg('--sizes', '100,1000,10000').split(',').map(Number);

if (process.argv[2] === '--child') {
  const [, , , mode, file, childDist] = process.argv;
  const dist = childDist;
  const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
  if (mode === 'load') {
    const { loadProject } = await import(path.join(dist, 'loader/load.js'));
    const t0 = process.hrtime.bigint();
    const res = loadProject({ files: [file], env: {} });
    const loadMs = ms(t0);
    const errors = res.diagnostics.filter((d) => d.severity === 'error').length;
    process.stdout.write(JSON.stringify({ loadMs, errors }));
    process.exit(0);
  }
  const { compileProject } = await import(path.join(dist, 'resolve/compile.js'));
  const { renderCompile } = await import(path.join(dist, 'views/compile.js'));
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const res = compileProject({ files: [file], env: {} }, {});
  const compileMs = ms(t0);
  const cpu = process.cpuUsage(c0);
  const compileCpuMs = (cpu.user + cpu.system) / 1000;
  const compileRssMb = process.resourceUsage().maxRSS / 1024;
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  let renderMs = NaN;
  let outKb = 0;
  if (res.graph) {
    const t1 = process.hrtime.bigint();
    const text = renderCompile(res.graph, {
      format: 'yaml',
      cwd: path.dirname(file),
      files: [file],
      diagnostics: res.diagnostics,
    });
    renderMs = ms(t1);
    outKb = text.length / 1024;
  }
  process.stdout.write(
    JSON.stringify({
      compileMs,
      compileCpuMs,
      renderMs,
      compileRssMb,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      outKb,
      services: res.graph?.services.length ?? 0,
      ports: res.graph?.ports.length ?? 0,
      moved: res.graph?.ports.filter((p) => p.reason).length ?? 0,
      warnings: res.diagnostics.filter((d) => d.severity === 'warning').length,
      errors: errors.slice(0, 5).map((d) => `${d.code}: ${d.summary}`),
    }),
  );
  process.exit(0);
}

/** Children per service that has an `x-nest` (every service above the deepest level). */
const FANOUT = 4;
/** Letters of the inner service names by depth: root `s12`, then `a0`, `b3`, `c1`. */
const PREFIX = ['s', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];

/**
 * A nestfile of exactly `n` services whose trees are `levels` deep (1: plain Compose). Root
 * service `sI` binds `./data/sI` at /data and a named volume at /cache, publishes a port on every
 * third service (8000–8019: most conflict and move), depends on the previous root service and
 * starts FANOUT children. Every scope declares its own `cache` volume; a child binds a path under
 * its parent's /data (absolute or relative to the inner working dir), mounts a subpath of its
 * parent's volume (read-only on leaves), publishes a port on every other child (8100–8103, some
 * on 127.0.0.1), and depends on its previous sibling. One in ten scopes has a child `db`, as the
 * root has a service `db`: its parent sees `db` twice (a DNS ambiguity warning). Every other root
 * tree's inner project is a file under the root's bind (`x-nest.file`), so inner files are
 * read through mounts. Returns the files to write, relative to the project directory.
 */
function generate(n, levels) {
  const files = {};
  let budget = n;
  const take = () => budget-- > 0;
  const root = ['name: bench', 'services:'];
  take();
  root.push(
    '  db:',
    '    image: postgres:16',
    '    ports: ["5432:5432"]',
    '    volumes: ["dbdata:/var/lib/postgresql/data"]',
  );

  /** One inner service and its subtree, at `ind` spaces. */
  function child(out, ind, depth, j, scopeNo) {
    const pad = ' '.repeat(ind);
    const name = j === 0 && scopeNo % 10 === 0 ? 'db' : `${PREFIX[depth]}${j}`;
    const leaf = depth === levels - 1;
    out.push(`${pad}${name}:`, `${pad}  image: registry.local/app:\${TAG:-1.0}`);
    out.push(`${pad}  environment: { ID: "${scopeNo}.${j}", DB_HOST: db, MODE: test }`);
    if (j % 2 === 0) {
      const ip = j % 4 === 2 ? '127.0.0.1:' : '';
      out.push(`${pad}  ports: ["${ip}${8100 + (j % 4)}:80"]`);
    }
    const vols = [
      j % 2 ? `./${name}:/data` : `/data/${name}:/data`,
      `/cache/${name}:/parent-cache${leaf ? ':ro' : ''}`,
    ];
    if (!leaf) vols.push('cache:/cache');
    out.push(`${pad}  volumes: [${vols.map((v) => `"${v}"`).join(', ')}]`);
    if (j > 0) {
      const prev = j === 1 && scopeNo % 10 === 0 ? 'db' : `${PREFIX[depth]}${j - 1}`;
      out.push(`${pad}  depends_on: [${prev}]`);
    }
    if (!leaf && budget > 0) {
      out.push(`${pad}  x-nest:`, `${pad}    working_dir: /data`, `${pad}    services:`);
      scope(out, ind + 6, depth + 1);
      out.push(`${pad}    volumes: { cache: {} }`);
    }
  }

  let scopes = 0;
  /** The services of one inner scope, while the budget lasts (at least one). */
  function scope(out, ind, depth) {
    const scopeNo = scopes++;
    for (let j = 0; j < FANOUT && take(); j++) child(out, ind, depth, j, scopeNo);
  }

  for (let i = 0; budget > 0; i++) {
    take();
    const name = `s${i}`;
    root.push(
      `  ${name}:`,
      `    image: registry.local/app:\${TAG:-1.0}`,
      `    command: ["serve", "--port", "80"]`,
      `    environment: { ID: "${i}", DB_HOST: db }`,
      `    volumes: ["./data/${name}:/data", "cache:/cache"]`,
    );
    if (i % 3 === 0) root.push(`    ports: ["${8000 + (i % 20)}:80"]`);
    root.push(`    depends_on: [${i > 0 ? `s${i - 1}` : 'db'}]`);
    if (levels > 1 && budget > 0) {
      if (i % 2 === 1) {
        const inner = ['services:'];
        scope(inner, 2, 1);
        inner.push('volumes:', '  cache: {}');
        files[`data/${name}/nest.yaml`] = inner.join('\n') + '\n';
        root.push('    x-nest:', '      file: /data/nest.yaml');
      } else {
        root.push('    x-nest:', '      working_dir: /data', '      services:');
        scope(root, 8, 1);
        root.push('      volumes: { cache: {} }');
      }
    }
  }
  root.push('volumes:', '  cache: {}', '  dbdata: {}');
  files['compose.yaml'] = root.join('\n') + '\n';
  return files;
}

function child(mode, file) {
  return JSON.parse(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file, dist], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  );
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const keep = arg('--write', '');
const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), 'nestc-bench-compile-'));
try {
  const rows = [];
  const medians = new Map();
  for (const levels of levelsList) {
    for (const n of sizes) {
      const caseDir = path.join(dir, `n${n}-l${levels}`);
      const files = generate(n, levels);
      let bytes = 0;
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(caseDir, rel)), { recursive: true });
        writeFileSync(path.join(caseDir, rel), text);
        bytes += text.length;
      }
      if (keep) continue;
      const file = path.join(caseDir, 'compose.yaml');
      const runs = [];
      const loads = [];
      for (let r = 0; r < rounds; r++) {
        runs.push(child('compile', file));
        loads.push(child('load', file).loadMs);
      }
      const last = runs[runs.length - 1];
      if (last.errors.length) {
        console.error(`${n} services, ${levels} levels: errors\n  ${last.errors.join('\n  ')}`);
      }
      const compileMed = median(runs.map((r) => r.compileMs));
      const loadMed = median(loads);
      medians.set(`${levels}:${n}`, compileMed);
      rows.push({
        services: last.services || n,
        levels,
        files: Object.keys(files).length,
        'input KiB': fmt(bytes / 1024),
        'compile ms (median)': fmt(compileMed, 1),
        'compile ms (min)': fmt(Math.min(...runs.map((r) => r.compileMs)), 1),
        'compile CPU ms (median)': fmt(median(runs.map((r) => r.compileCpuMs)), 1),
        'root load ms': fmt(loadMed, 1),
        'resolve ms (≈)': fmt(compileMed - loadMed, 1),
        'render ms': fmt(median(runs.map((r) => r.renderMs)), 1),
        'peak RSS MiB (compile)': fmt(median(runs.map((r) => r.compileRssMb))),
        'peak RSS MiB (+render)': fmt(median(runs.map((r) => r.maxRssMb))),
        'ports (moved)': `${last.ports} (${last.moved})`,
        warnings: last.warnings,
        result: last.errors.length ? 'ERRORS' : 'ok',
      });
    }
  }
  if (keep) {
    console.log(`wrote ${dir}`);
    process.exit(0);
  }
  console.log(
    `nestc compile benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, ${rounds} rounds, ${new Date().toISOString()}`,
  );
  console.table(rows);
  for (const levels of levelsList) {
    const a = medians.get(`${levels}:1000`);
    const b = medians.get(`${levels}:10000`);
    if (a && b) {
      console.log(`${levels} level(s): 10,000 / 1,000 compile time = ${(b / a).toFixed(1)}×`);
    }
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
