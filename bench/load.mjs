#!/usr/bin/env node
// Load benchmark (issue 2): time and peak memory of `load` for generated Compose files of
// 100, 1,000 and 10,000 services, and the time to reject a 9-level alias bomb.
// Each measurement runs in a fresh child process so peak RSS belongs to that load alone, and the
// first load's one-time costs (module loading aside) are counted as a CLI user pays them.
// Usage: npm run build && node bench/load.mjs [--rounds N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasBomb, generate } from './gen-compose.mjs';
import { median } from './median.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;

if (process.argv[2] === '--child') {
  const { loadProject } = await import(path.join(here, '../dist/index.js'));
  const file = process.argv[3];
  const t0 = process.hrtime.bigint();
  const res = loadProject({ files: [file], env: {} });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const errors = res.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  process.stdout.write(
    JSON.stringify({
      ms,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      errors,
      services: Object.keys(res.project?.services ?? {}).length,
    }),
  );
  process.exit(0);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-bench-'));
try {
  const cases = [
    ['100 services', generate(100)],
    ['1,000 services', generate(1000)],
    ['10,000 services', generate(10000)],
    ['9-level alias bomb', aliasBomb()],
  ];
  const rows = [];
  for (const [label, text] of cases) {
    const file = path.join(dir, label.replace(/\W+/g, '-') + '.yaml');
    writeFileSync(file, text);
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      runs.push(
        JSON.parse(
          execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], {
            encoding: 'utf8',
          }),
        ),
      );
    }
    const last = runs[runs.length - 1];
    // The whole command as users run it: process start, load, and printing the model as JSON.
    const cli = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      try {
        execFileSync(
          process.execPath,
          [path.join(here, '../bin/nestc.js'), '-f', file, 'config', '--format', 'json'],
          {
            stdio: ['ignore', 'ignore', 'ignore'],
          },
        );
      } catch {
        // A rejected file exits 1; its time still counts.
      }
      cli.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    rows.push({
      case: label,
      'file KiB': (text.length / 1024).toFixed(0),
      'load ms (median)': median(runs.map((r) => r.ms)).toFixed(1),
      'load ms (min)': Math.min(...runs.map((r) => r.ms)).toFixed(1),
      'peak RSS MiB': median(runs.map((r) => r.maxRssMb)).toFixed(0),
      'nestc config --format json, wall ms': median(cli).toFixed(0),
      result: last.errors.length
        ? `rejected: ${[...new Set(last.errors)].join(',')}`
        : `${last.services} services`,
    });
  }
  console.log(
    `nestc load benchmark: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, ${rounds} rounds`,
  );
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
