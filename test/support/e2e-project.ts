import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Engine } from '../../src/engine/index.js';
import { LABELS } from '../../src/apply/types.js';
import {
  containerIds,
  projectObjects,
  removeLabelled,
  requireE2eEngine,
  testRunLabel,
} from './e2e-engine.js';
import { runCli, tempProject } from './run-cli.js';

/**
 * One end-to-end scenario's project (docker/compose pkg/e2e style): a temp directory with a
 * nestfile, a unique project name `nestc-e2e-<random>`, a way to run nestc in it, and:
 *   - artifacts on failure: `scenario()` appends the nestfile, `nestc compile`, `nestc ps`, the
 *     engine's view and every nestc command the scenario ran to the failure message, and keeps
 *     the temp directory;
 *   - clean-up always: `nestc down --volumes --remove-orphans`, then the safety net removes
 *     anything still labelled with the project (or the scenario's run label) through the engine.
 *
 * nestc runs in-process (test/support/run-cli.ts) by default, so the scenarios test the sources
 * as they are; NESTC_E2E_CLI=bin runs the built `bin/nestc.js` instead (after `npm run build`).
 */

/** Deadline of one scenario: the engine work is a few seconds; the rest is margin for slow CI. */
export const SCENARIO_TIMEOUT = 120_000;
/** Deadline of beforeAll/afterAll (engine checks, `down` and the safety net). */
export const HOOK_TIMEOUT = 60_000;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliRun {
  args: string[];
  code: number;
  stdout: string;
  stderr: string;
}

/** runCli changes the process's directory: in-process runs must never overlap. */
let cliQueue: Promise<unknown> = Promise.resolve();

export class E2eProject {
  /** Unique on the shared engine; every object nestc creates carries it as `io.nestc.project`. */
  readonly name: string;
  /** Unique id of this scenario, for objects it creates outside nestc (`io.nestc.test-run`). */
  readonly runId: string;
  readonly dir: string;
  /** Every nestc command run so far, for the failure message. */
  readonly transcript: CliRun[] = [];
  private nestfile = '';
  private failed = false;
  private connected?: Engine;
  /** The engine check; a scenario awaits it first, so no engine fails every test (never skips). */
  private readonly ready: Promise<Engine>;

  private constructor() {
    this.runId = randomBytes(4).toString('hex');
    this.name = `nestc-e2e-${this.runId}`;
    this.dir = tempProject({}, `${this.name}-`);
    this.ready = requireE2eEngine().then((e) => (this.connected = e));
    this.ready.catch(() => {}); // reported by scenario(), not as an unhandled rejection
  }

  /**
   * A project for one scenario file (`nestfile` without `name:`). Synchronous, so that a file
   * can create it at the top: the engine check runs in the background and every scenario awaits
   * it, so a missing engine makes each test FAIL with the reason, never skip.
   */
  static create(nestfile: string, files: Record<string, string> = {}): E2eProject {
    const p = new E2eProject();
    for (const [rel, text] of Object.entries(files)) p.writeFile(rel, text);
    p.write(nestfile);
    return p;
  }

  /** The engine (nestc's engine layer), for checks; only inside a scenario. */
  get engine(): Engine {
    if (!this.connected) throw new Error('the engine is used before the engine check passed');
    return this.connected;
  }

  /** Replace the nestfile (`compose.yaml`); the project's `name:` is put first. */
  write(nestfile: string): void {
    this.nestfile = `name: ${this.name}\n${nestfile.trim()}\n`;
    this.writeFile('compose.yaml', this.nestfile);
  }

  writeFile(rel: string, text: string): void {
    writeFileSync(this.path(rel), text);
  }

  /** A path in the project directory (the host's view). */
  path(rel: string): string {
    return path.join(this.dir, rel);
  }

  /** The label of objects this scenario creates itself (not through nestc). */
  get runLabel(): string {
    return testRunLabel(this.runId);
  }

  /**
   * Run `nestc ARGS` in the project directory; `env` entries are set for this run only (in
   * process: on process.env, restored after; `undefined` unsets).
   */
  async nestc(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
    const r = await this.queued(args, env);
    this.transcript.push(r);
    return r;
  }

  /** `nestc ARGS`, which must exit 0; otherwise an error that shows its output. */
  async ok(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
    const r = await this.nestc(args, env);
    if (r.code !== 0) {
      throw new Error(`\`nestc ${args.join(' ')}\` exited ${r.code}, expected 0\n${showRun(r)}`);
    }
    return r;
  }

  /** `nestc up` as the scenarios use it: a deadline for health waits, and it must succeed. */
  up(...more: string[]): Promise<CliRun> {
    return this.ok(['up', '-d', '--wait-timeout', '60', ...more]);
  }

  /** Container ids by nest path, as the engine lists the project's containers now. */
  ids(): Promise<Map<string, string>> {
    return containerIds(this.engine, this.name);
  }

  /** The container id of one nest path (it must exist). */
  async id(nestPath: string): Promise<string> {
    const id = (await this.ids()).get(nestPath);
    if (!id) throw new Error(`no container of ${nestPath} in project ${this.name}`);
    return id;
  }

  /** Run a scenario body; on failure, the error message carries the artifacts. */
  async scenario(body: () => Promise<void>): Promise<void> {
    await this.ready;
    try {
      await body();
    } catch (err) {
      this.failed = true;
      const artifacts = await this.artifacts().catch((e: unknown) => `(no artifacts: ${e})`);
      if (err instanceof Error) {
        err.message = `${err.message}\n\n${artifacts}`;
        throw err;
      }
      throw new Error(`${String(err)}\n\n${artifacts}`);
    }
  }

  /** What a reader needs to see why a scenario failed. */
  async artifacts(): Promise<string> {
    const compile = await this.queued(['compile']);
    const ps = await this.queued(['ps']);
    const docker = await execa(
      'docker',
      [
        'ps',
        '-a',
        '--filter',
        `label=${LABELS.project}=${this.name}`,
        '--format',
        '{{.Names}}\t{{.Status}}\t{{.Ports}}\t{{.Label "io.nestc.path"}}',
      ],
      { reject: false },
    );
    const logs: string[] = [];
    for (const [nestPath, id] of await this.ids()) {
      const l = await execa('docker', ['logs', '--tail', '15', id], { reject: false, all: true });
      if (l.all?.trim()) logs.push(`--- ${nestPath}\n${l.all.trim()}`);
    }
    return [
      `===== artifacts of project ${this.name} (kept: ${this.dir})`,
      `----- compose.yaml\n${this.nestfile}`,
      `----- nestc compile (exit ${compile.code})\n${compile.stdout}${compile.stderr}`,
      `----- nestc ps (exit ${ps.code})\n${ps.stdout}${ps.stderr}`,
      `----- docker ps -a (project label)\n${docker.stdout}${docker.stderr}`,
      `----- container logs\n${logs.join('\n') || '(none)'}`,
      `----- nestc commands run\n${this.transcript.map(showRun).join('\n')}`,
    ].join('\n');
  }

  /**
   * Always, pass or fail: `nestc down --volumes --remove-orphans`, then remove whatever is
   * still labelled with the project or this run. Throws (after cleaning) when `down` failed or
   * left objects behind: that is a bug of `down`, worth a red test.
   */
  async cleanup(): Promise<void> {
    const engineAnswered = await this.ready.then(
      () => true,
      () => false,
    );
    if (!engineAnswered) {
      rmSync(this.dir, { recursive: true, force: true }); // no engine: every scenario failed
      return;
    }
    const down = await this.queued(['down', '--volumes', '--remove-orphans']);
    const left = await projectObjects(this.engine, this.name);
    await removeLabelled(this.engine, `${LABELS.project}=${this.name}`);
    await removeLabelled(this.engine, this.runLabel);
    if (!this.failed) rmSync(this.dir, { recursive: true, force: true });
    const leftover = [...left.containers, ...left.networks, ...left.volumes];
    if (down.code !== 0) {
      throw new Error(
        `clean-up: \`nestc down --volumes --remove-orphans\` failed\n${showRun(down)}`,
      );
    }
    if (leftover.length > 0) {
      throw new Error(
        `clean-up: \`nestc down --volumes --remove-orphans\` exited 0 but left ${leftover.join(', ')} (removed by the safety net)\n${showRun(down)}`,
      );
    }
  }

  private queued(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
    const run = cliQueue.then(() => this.runOnce(args, env));
    cliQueue = run.catch(() => {});
    return run;
  }

  private async runOnce(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
    if (process.env.NESTC_E2E_CLI === 'bin') {
      const r = await execa('node', [path.join(ROOT, 'bin/nestc.js'), ...args], {
        cwd: this.dir,
        env: { ...env, NO_COLOR: '1' },
        reject: false,
        timeout: 110_000,
      });
      return { args, code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
    }
    const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env)) setEnv(k, v);
    try {
      return { args, ...(await runCli(args, this.dir)) };
    } finally {
      for (const [k, v] of saved) setEnv(k, v);
    }
  }
}

function setEnv(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

/** One command and its output, for failure messages. */
export function showRun(r: CliRun): string {
  const cut = (s: string): string => (s.length > 4000 ? `${s.slice(0, 4000)}\n[...]` : s);
  return [
    `$ nestc ${r.args.join(' ')}   # exit ${r.code}`,
    r.stdout.trim() ? `[stdout]\n${cut(r.stdout.trimEnd())}` : '',
    r.stderr.trim() ? `[stderr]\n${cut(r.stderr.trimEnd())}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
