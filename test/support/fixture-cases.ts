import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The fixture corpus as test cases. A case is either one file `fixtures/<kind>/<name>.yaml`
 * (variables in a sidecar `<name>.env.json`) or a directory `fixtures/<kind>/<name>/` with a
 * `compose.yaml`, its other files, an optional `.env`, and an optional `case.json`
 * (`{ "files": [...], "env": {...} }`) when it needs several `-f` files or process variables.
 */
export interface FixtureCase {
  /** `<name>` as above; also the test title. */
  name: string;
  /** The case's directory: the working directory both tools run in. */
  dir: string;
  /** Absolute Compose file paths, in `-f` order. */
  files: string[];
  /** Process environment for interpolation (`.env` is the loader's to read). */
  env: Record<string, string>;
  /** A directory case (several files), rather than one file among others in `dir`. */
  isDir: boolean;
}

export const FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures',
);

/**
 * A fixed environment, the same for nestc and docker-compose, so a case never depends on the
 * machine that runs it. `HOME` is set because `~` in paths expands against it.
 */
export const BASE_ENV: Readonly<Record<string, string>> = { HOME: '/home/nestc-fixtures' };

/** Every case of `fixtures/<kind>/`, sorted by name. */
export function fixtureCases(kind: 'valid' | 'invalid'): FixtureCase[] {
  const root = path.join(FIXTURES_DIR, kind);
  const cases: FixtureCase[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      const spec = readJson(path.join(full, 'case.json')) as
        { files?: string[]; env?: Record<string, string> } | undefined;
      cases.push({
        name: entry.name,
        dir: full,
        files: (spec?.files ?? ['compose.yaml']).map((f) => path.join(full, f)),
        env: { ...BASE_ENV, ...spec?.env },
        isDir: true,
      });
    } else if (/\.ya?ml$/.test(entry.name)) {
      const name = entry.name.replace(/\.ya?ml$/, '');
      const env = readJson(path.join(root, `${name}.env.json`)) as
        Record<string, string> | undefined;
      cases.push({ name, dir: root, files: [full], env: { ...BASE_ENV, ...env }, isDir: false });
    }
  }
  return cases.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every YAML file of a case, recursively (an invalid case marks errors in any of them). */
export function caseYamlFiles(c: FixtureCase): string[] {
  if (!c.isDir) return c.files;
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(c.dir);
  return out.sort();
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}
