import fs from 'node:fs';
import path from 'node:path';
import { compileProject, type CompileResult } from '../../src/resolve/compile.js';
import { parsePathMap } from '../../src/resolve/options/path-map.js';
import { parsePortRange } from '../../src/resolve/options/port-range.js';
import { resolveOptionsFor, type ResolveFlags } from '../../src/resolve/options/resolve-options.js';
import { BASE_ENV, FIXTURES_DIR } from './fixture-cases.js';

/**
 * A compile fixture: `fixtures/<kind>/<name>/compose.yaml` (with any inner files beside it) or
 * `fixtures/<kind>/<name>.yaml`, and an optional `case.json`:
 * `{ "args": [compile flags], "env": {...}, "socketGid": 998 }`. `@CASE@` in an argument stands
 * for the case directory, so a case does not depend on where the repository lives.
 */
export interface CompileCase {
  name: string;
  dir: string;
  file: string;
  args: string[];
  env: Record<string, string>;
  socketGid?: number;
}

/** The placeholder for the case directory in arguments and goldens. */
export const CASE_DIR = '@CASE@';

export function compileCases(kind: 'compile' | 'compile-invalid'): CompileCase[] {
  const root = path.join(FIXTURES_DIR, kind);
  const cases: CompileCase[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, e.name);
    if (e.isDirectory()) {
      const spec = (readJson(path.join(full, 'case.json')) ?? {}) as {
        args?: string[];
        env?: Record<string, string>;
        socketGid?: number;
      };
      cases.push({
        name: e.name,
        dir: full,
        file: path.join(full, 'compose.yaml'),
        args: (spec.args ?? []).map((a) => a.split(CASE_DIR).join(full)),
        env: { ...BASE_ENV, ...spec.env },
        ...(spec.socketGid !== undefined ? { socketGid: spec.socketGid } : {}),
      });
    } else if (/\.ya?ml$/.test(e.name)) {
      const name = e.name.replace(/\.ya?ml$/, '');
      cases.push({ name, dir: root, file: full, args: [], env: { ...BASE_ENV } });
    }
  }
  return cases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Compile a case with its flags, on a machine described by the case (no real socket, no container). */
export function compileCase(c: CompileCase): CompileResult {
  const flags: ResolveFlags = {};
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a === '--strict-ports') flags.strictPorts = true;
    else if (a === '--port-range') flags.portRange = ok(parsePortRange(c.args[++i]!));
    else if (a === '--path-map') (flags.pathMap ??= []).push(ok(parsePathMap(c.args[++i]!)));
    else throw new Error(`case ${c.name}: unknown argument ${a}`);
  }
  const { options } = resolveOptionsFor(flags, {
    env: c.env,
    stat: () => (c.socketGid !== undefined ? { gid: c.socketGid } : undefined),
    containerId: () => undefined,
  });
  return compileProject({ files: [c.file], cwd: c.dir, env: c.env }, options);
}

function ok<T>(p: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!p.ok) throw new Error(p.message);
  return p.value;
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}
