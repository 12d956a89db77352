import { execa } from 'execa';
import type { Engine } from '../../src/engine/index.js';
import { requireEngine, TEST_RUN_LABEL } from '../../src/engine/engine-test-run.js';
import { LABELS } from '../../src/apply/types.js';

/**
 * The engine side of the end-to-end scenarios: what a scenario reads from the engine to check
 * state (containers of a project by nest path, raw inspect, exec, events), and the safety net
 * that removes a project's objects whatever nestc did. The static `docker` client is used where
 * nestc's narrow engine interface has no call (exec, events, raw inspect): tests may use it.
 */

/** The registry-free images scripts/engine.sh builds (scripts/test.sh exports their names). */
export const BUSYBOX = process.env.NESTC_TEST_IMAGE || 'nestc-test/busybox:1';
export const DOCKER_CLI = process.env.NESTC_TEST_CLI_IMAGE || 'nestc-test/docker-cli:1';

/**
 * Fail loudly, never skip, when no engine answers: the `docker` client must reach the engine
 * (the scenarios use it for exec and events), both test images must exist, and nestc's own
 * engine layer must connect. Returns the engine, for the checks and the safety net.
 */
export async function requireE2eEngine(): Promise<Engine> {
  const v = await execa('docker', ['version', '--format', '{{.Server.APIVersion}}'], {
    reject: false,
    timeout: 15_000,
  });
  if (v.exitCode !== 0) {
    throw new Error(
      `the end-to-end tests need a Docker engine, and \`docker version\` failed (run them through scripts/test.sh, which starts one):\n${v.stderr || v.stdout}`,
    );
  }
  for (const image of [BUSYBOX, DOCKER_CLI]) {
    const i = await execa('docker', ['image', 'inspect', '--format', '{{.Id}}', image], {
      reject: false,
    });
    if (i.exitCode !== 0) {
      throw new Error(`test image ${image} is missing: build it with \`bash scripts/engine.sh\``);
    }
  }
  return requireEngine();
}

/** Container ids of a project by nest path (every state), as the engine lists them. */
export async function containerIds(engine: Engine, project: string): Promise<Map<string, string>> {
  const list = await engine.containers.list({ label: [`${LABELS.project}=${project}`] });
  const ids = new Map<string, string>();
  for (const c of list) ids.set(c.labels[LABELS.path] ?? c.name, c.id);
  return new Map([...ids].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every object on the engine that carries a label, by kind (empty lists: nothing there). */
export async function labelledObjects(
  engine: Engine,
  label: string,
): Promise<{ containers: string[]; networks: string[]; volumes: string[] }> {
  const filter = { label: [label] };
  const [containers, networks, volumes] = await Promise.all([
    engine.containers.list(filter),
    engine.networks.list(filter),
    engine.volumes.list(filter),
  ]);
  return {
    containers: containers.map((c) => c.name).sort(),
    networks: networks.map((n) => n.name).sort(),
    volumes: volumes.map((v) => v.name).sort(),
  };
}

/** The project's objects, by its `io.nestc.project` label. */
export function projectObjects(
  engine: Engine,
  project: string,
): ReturnType<typeof labelledObjects> {
  return labelledObjects(engine, `${LABELS.project}=${project}`);
}

/**
 * The safety net after `nestc down`: remove every container, network and volume labelled with
 * `label` straight through the engine. Returns what it had to remove (empty when nothing was
 * left), so a caller can tell a `down` that left things behind.
 */
export async function removeLabelled(engine: Engine, label: string): Promise<string[]> {
  const left: string[] = [];
  const filter = { label: [label] };
  for (const c of await engine.containers.list(filter)) {
    left.push(`container ${c.name}`);
    await engine.containers.remove(c.id, { force: true, volumes: true }).catch(() => {});
  }
  for (const n of await engine.networks.list(filter)) {
    left.push(`network ${n.name}`);
    await engine.networks.remove(n.id).catch(() => {});
  }
  for (const v of await engine.volumes.list(filter)) {
    left.push(`volume ${v.name}`);
    await engine.volumes.remove(v.name).catch(() => {});
  }
  return left;
}

/** Label of the objects a scenario creates outside nestc (a container started at run time). */
export function testRunLabel(id: string): string {
  return `${TEST_RUN_LABEL}=${id}`;
}

/** The engine's own inspect document (fields nestc's ContainerDetails leaves out: times, health log). */
export interface RawInspect {
  Id: string;
  Name: string;
  State: {
    Status: string;
    ExitCode: number;
    StartedAt: string;
    FinishedAt: string;
    Health?: { Status: string; Log: { Start: string; End: string; ExitCode: number }[] };
  };
  Config: { Env: string[]; Labels: Record<string, string> };
}

/** `docker inspect` of one container. */
export async function dockerInspect(idOrName: string): Promise<RawInspect> {
  const r = await execa('docker', ['inspect', '--type', 'container', idOrName]);
  return (JSON.parse(r.stdout) as RawInspect[])[0]!;
}

/**
 * Run a command in a running container (`docker exec`; nestc's ContainerClient has no exec).
 * Never throws: the exit code and output are what scenarios poll on.
 */
export async function dockerExec(
  id: string,
  cmd: string[],
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const r = await execa('docker', ['exec', id, ...cmd], { reject: false, timeout: 15_000 });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** One engine event (`docker events --format '{{json .}}'`). */
export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  timeNano: number;
}

/**
 * Engine events between two instants (ms since the epoch) that concern a project: its
 * containers, networks and volumes all carry the (unique) project name in their names or
 * labels. The engine's own record, independent of what nestc counts.
 */
export async function projectEvents(
  project: string,
  sinceMs: number,
  untilMs: number,
): Promise<EngineEvent[]> {
  const ts = (ms: number): string => (ms / 1000).toFixed(3);
  const r = await execa('docker', [
    'events',
    '--since',
    ts(sinceMs),
    '--until',
    ts(untilMs),
    '--format',
    '{{json .}}',
  ]);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as EngineEvent)
    .filter((e) => JSON.stringify(e.Actor).includes(project));
}

/**
 * Events that change something. Health probes (`exec_*`, `health_status`) are the engine's own
 * doing, not a client's write, so they are left out.
 */
export function writeEvents(events: EngineEvent[]): EngineEvent[] {
  return events.filter((e) => !/^(exec_|health_status)/.test(e.Action));
}
