import fs from 'node:fs';
import path from 'node:path';
import { lazyYaml } from '../../lazy/yaml.js';
import { normalizeProjectName } from '../../loader/project-name.js';

/** Compose's default file names, in the order it looks for them. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export interface FallbackNameInput {
  /** `-p`. */
  projectName?: string;
  /** `-f`, relative to `cwd`. */
  files: string[];
  projectDirectory?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The project name when the nestfile does not load (`down`, `ps` and `port` still have to find
 * the project's containers): Compose's precedence, read leniently. `-p`, then
 * `COMPOSE_PROJECT_NAME`, then a plain `name:` in the last file that has one and still parses
 * (a value with `${` is not guessed at), then the project directory's name, normalized as
 * Compose normalizes it. Undefined only when nothing gives a usable name.
 */
export function fallbackProjectName(input: FallbackNameInput): string | undefined {
  const explicit = input.projectName || input.env.COMPOSE_PROJECT_NAME;
  if (explicit) return normalizeProjectName(explicit) || undefined;

  const files = (input.files.length ? input.files : discover(input.cwd)).map((f) =>
    path.resolve(input.cwd, f),
  );
  let fromFile: string | undefined;
  for (const f of files) fromFile = nameIn(f) ?? fromFile;
  if (fromFile) return normalizeProjectName(fromFile) || undefined;

  const dir = input.projectDirectory
    ? path.resolve(input.cwd, input.projectDirectory)
    : files[0] !== undefined
      ? path.dirname(files[0])
      : input.cwd;
  return normalizeProjectName(path.basename(dir)) || undefined;
}

function discover(cwd: string): string[] {
  const found = DEFAULT_FILES.find((f) => fs.existsSync(path.join(cwd, f)));
  return found ? [found] : [];
}

/** The top-level `name:` of a file, when it reads as YAML and the name is a plain string. */
function nameIn(file: string): string | undefined {
  try {
    const doc = lazyYaml().parse(fs.readFileSync(file, 'utf8')) as unknown;
    const name = (doc as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name !== '' && !name.includes('${') ? name : undefined;
  } catch {
    return undefined;
  }
}
