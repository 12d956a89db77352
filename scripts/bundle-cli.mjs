#!/usr/bin/env node
// Writes dist/bin/nestc.mjs: the CLI and everything it imports at start-up in one ES module, which
// bin/nestc.js runs. Runs last in `npm run build` (after tsc and the schema validator).
//
// Why: Node spends most of a cold start resolving, reading and compiling modules, one file at a
// time; dist/ has about 300 of them, and loading them took 270-480 ms of the 0.3 s budget that
// a no-op `nestc plan` has (bench/README.md, "Up and down"). One file loads in about 90-130 ms.
// The library entry (dist/index.js) stays unbundled: importers bundle it their own way.
//
// Left out of the bundle, loaded at run time only when needed: dockerode (ssh:// engines only),
// ajv (compiles the schema only when the generated validator is missing or stale) and yaml
// (src/lazy/yaml.ts says when).
// The bundle lives one folder below dist/, like dist/cli/, so the paths that modules resolve
// against import.meta.url (../../package.json, ../../schemas/, ../schema/) hold in both.
import { build } from 'esbuild';

const result = await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/bin/nestc.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['dockerode', 'ajv', 'yaml'],
  // CommonJS dependencies (commander) call require() for Node's built-ins; give them one.
  banner: {
    js: "import { createRequire as nestcCreateRequire } from 'node:module';\nconst require = nestcCreateRequire(import.meta.url);",
  },
  // Whitespace and syntax only: function names stay readable in a bug report's stack trace.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`wrote dist/bin/nestc.mjs (${Math.round(bytes / 1024)} KiB)`);
