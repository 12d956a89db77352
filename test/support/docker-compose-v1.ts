import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import type { FixtureCase } from './fixture-cases.js';

/**
 * The Debian package's binary: docker-compose 1.29, the reference the differential test uses.
 * `NESTC_DOCKER_COMPOSE` points elsewhere (another install, or a missing name to check that
 * the suite then fails loudly).
 */
export const DOCKER_COMPOSE = process.env.NESTC_DOCKER_COMPOSE ?? 'docker-compose';

/** Installed version (`1.29.2`), or undefined when the binary is missing. */
export async function dockerComposeVersion(): Promise<string | undefined> {
  const r = await execa(DOCKER_COMPOSE, ['version', '--short'], { reject: false });
  return r.exitCode === 0 ? r.stdout.trim() : undefined;
}

export interface ComposeRun {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/**
 * `docker-compose [-p NAME] -f F... config` in the case's directory, with exactly the case's
 * environment (plus PATH to find the binary): nothing of the machine's environment leaks in.
 * With a project name, COMPOSE_PROJECT_NAME is also offered to interpolation (unless the case
 * sets it), as the compose-spec and Compose v2 do and 1.29 does not (docs/compatibility.md), so
 * that both tools interpolate the same values.
 */
export async function composeConfig(
  c: Pick<FixtureCase, 'dir' | 'files' | 'env'>,
  projectName?: string,
): Promise<ComposeRun> {
  const args = [
    ...(projectName ? ['-p', projectName] : []),
    ...c.files.flatMap((f) => ['-f', f]),
    'config',
  ];
  const r = await execa(DOCKER_COMPOSE, args, {
    cwd: c.dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LANG: 'C.UTF-8',
      ...(projectName ? { COMPOSE_PROJECT_NAME: projectName } : {}),
      ...c.env,
    },
    extendEnv: false,
    reject: false,
  });
  return { ok: r.exitCode === 0, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Read YAML exactly as docker-compose 1.29 does: with PyYAML's `safe_load`, run by the very
 * interpreter of the docker-compose script (so the PyYAML is 1.29's own). `yaml`'s 1.1 schema
 * is close but not equal: it reads `1e3` as a number where PyYAML keeps the string 1.29 meant.
 */
export async function readAsV1(text: string): Promise<Record<string, unknown>> {
  const script =
    'import sys, json, yaml\n' +
    'json.dump(yaml.safe_load(sys.stdin.read()), sys.stdout, default=str)\n';
  const r = await execa(await composePython(), ['-c', script], { input: text });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

let python: Promise<string> | undefined;

/** The interpreter named on the docker-compose script's `#!` line; `python3` if there is none. */
function composePython(): Promise<string> {
  python ??= (async () => {
    const which = await execa('sh', ['-c', `command -v ${DOCKER_COMPOSE}`], { reject: false });
    const script = which.stdout.trim();
    if (!script || !path.isAbsolute(script)) return 'python3';
    const first = fs.readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return 'python3';
    return m[1]!.endsWith('/env') && m[2] ? m[2] : m[1]!;
  })();
  return python;
}
