#!/usr/bin/env node
// Apply benchmark (issue 4): wall time of `nestc up` and `nestc down` for a generated nestfile of
// 30 containers in 13 scopes, beside
//   - a raw baseline: the same containers (the very `ContainerCreate` bodies nestc computes, same
//     binds, ports, networks and aliases) created, connected and started straight through the
//     Engine API with 8 requests in flight, and removed the same way (stop + remove, then the
//     networks);
//   - Debian's docker-compose 1.29 (`up -d`, `down`) on `nestc compile --compat v1`;
// and the no-op `nestc up` and `nestc plan` on the converged project. Medians of several rounds.
// Every command runs as a fresh process (the raw baseline too, from a JSON file of bodies written
// before the clock starts), so wall time includes process start as a user pays it.
// Every object carries `io.nestc.test-run=<run id>` and a project name unique to the run; each
// round removes everything of the run, also when a step fails or the benchmark is interrupted.
// Usage: npm run build && node bench/up.mjs [--rounds N] [--parallel N (passed to nestc up)]
//        [--docker-compose PATH] [--only raw,nestc,compose]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const dist = path.join(root, 'dist');
const cli = path.join(root, 'bin/nestc.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const SOCKET = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
const API = '/v1.41';
/** Requests in flight in the raw baseline (the issue's "8 requests in flight"). */
const IN_FLIGHT = 8;
const TEST_LABEL = 'io.nestc.test-run';
const IMAGE = process.env.NESTC_TEST_IMAGE || 'nestc-test/busybox:1';

// ---------------------------------------------------------------- the Engine API over node:http

const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

/** One Engine API call; resolves the parsed body, rejects on a status outside `ok`. */
function api(method, p, body, ok = [200, 201, 204, 304]) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        socketPath: SOCKET,
        agent,
        method,
        path: API + p,
        headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {},
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (!ok.includes(res.statusCode)) {
            reject(new Error(`${method} ${p}: ${res.statusCode} ${text.trim()}`));
            return;
          }
          resolve(text && /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : text);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const filters = (labels) => encodeURIComponent(JSON.stringify({ label: labels }));
const enc = encodeURIComponent;

/** Run `fn` over `items` with at most `n` in flight; rejects with the first failure. */
async function pool(items, n, fn) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** The Engine API's `NetworkConnect` body, as nestc's network client sends it. */
function connectBody(container, a) {
  const endpoint = {};
  if (a.aliases?.length) endpoint.Aliases = a.aliases;
  const ipam = {};
  if (a.ipv4Address) ipam.IPv4Address = a.ipv4Address;
  if (a.ipv6Address) ipam.IPv6Address = a.ipv6Address;
  if (Object.keys(ipam).length) endpoint.IPAMConfig = ipam;
  return { Container: container, EndpointConfig: endpoint };
}

// ---------------------------------------------------------------- raw baseline (child process)

/**
 * Raw `up`: networks and volumes (8 in flight), then every container's create → connect to its
 * other networks → start, 8 containers at a time (so 8 requests in flight). No dependency
 * order, no observe, no plan: the least any tool must send for this project.
 */
async function rawUp(state) {
  await pool(
    state.networks.filter((n) => !n.external),
    IN_FLIGHT,
    (n) => api('POST', '/networks/create', n.create),
  );
  await pool(
    state.volumes.filter((v) => !v.external),
    IN_FLIGHT,
    (v) => api('POST', '/volumes/create', v.create),
  );
  await pool(state.containers, IN_FLIGHT, async (c) => {
    await api('POST', `/containers/create?name=${enc(c.name)}`, c.create);
    for (const a of c.connect) {
      await api('POST', `/networks/${enc(a.network)}/connect`, connectBody(c.name, a));
    }
    await api('POST', `/containers/${enc(c.name)}/start`);
  });
}

/**
 * Raw `down`: list the project's containers and networks by label (one call each, as a tool
 * that finds its objects by label must), stop + remove the containers 8 at a time (each with
 * its own stop timeout, as `nestc down` and `docker compose down` do), then the networks.
 */
async function rawDown(project) {
  const label = [`io.nestc.project=${project}`];
  const [containers, networks] = await Promise.all([
    api('GET', `/containers/json?all=1&filters=${filters(label)}`),
    api('GET', `/networks?filters=${filters(label)}`),
  ]);
  await pool(containers, IN_FLIGHT, async (c) => {
    await api('POST', `/containers/${c.Id}/stop`);
    await api('DELETE', `/containers/${c.Id}`);
  });
  await pool(networks, IN_FLIGHT, (n) => api('DELETE', `/networks/${n.Id}`));
}

if (process.argv[2] === '--child') {
  const [, , , mode, what] = process.argv;
  const t0 = process.hrtime.bigint();
  if (mode === 'raw-up') await rawUp(JSON.parse(readFileSync(what, 'utf8')));
  else if (mode === 'raw-down') await rawDown(what);
  else throw new Error(`unknown child mode ${mode}`);
  process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
  agent.destroy();
  process.exit(0);
}

// ---------------------------------------------------------------- the project

/**
 * The nestfile: root services p0–p2 (each depending on the previous), each starting three
 * children c0–c2, each of which starts two grandchildren g0–g1: 3 + 9 + 18 = 30 containers in
 * 13 scopes, one network per scope (`default`, labelled with the run), a parent on its own
 * scope's network and its children's. Siblings depend on the previous sibling; parents wait for
 * their children (`x-nest.wait: started`, the default). Every even-numbered service runs
 * `httpd -f` and publishes 127.0.0.1:BASE+10·depth+index, so p0–p2 keep 3 distinct ports and
 * the children's and grandchildren's claims collide across scopes and move (12 of 15). Root
 * services bind ./data/pI at /data; children bind /data/cJ (in their parent's view) and
 * grandchildren /data/gK: binds translated through two levels to host paths. `init: true` and
 * `stop_grace_period: 1s` make stop quick (`sleep` as PID 1 would ignore SIGTERM).
 */
function nestfile(run, base) {
  const L = ['name: bench', 'services:'];
  const service = (pad, name, depth, index, body) => {
    const httpd = index % 2 === 0;
    L.push(`${pad}${name}:`, `${pad}  image: ${IMAGE}`);
    L.push(`${pad}  command: ${httpd ? '[httpd, -f, -p, "80"]' : '[sleep, "3600"]'}`);
    L.push(`${pad}  init: true`, `${pad}  stop_grace_period: 1s`);
    L.push(`${pad}  labels: { ${TEST_LABEL}: "${run}" }`);
    if (httpd) L.push(`${pad}  ports: ["127.0.0.1:${base + depth * 10 + index}:80"]`);
    body(`${pad}  `);
  };
  const network = (pad) =>
    L.push(`${pad}networks: { default: { labels: { ${TEST_LABEL}: "${run}" } } }`);
  for (let i = 0; i < 3; i++) {
    service('  ', `p${i}`, 0, i, (p) => {
      L.push(`${p}volumes: ["./data/p${i}:/data"]`);
      if (i > 0) L.push(`${p}depends_on: [p${i - 1}]`);
      L.push(`${p}x-nest:`, `${p}  services:`);
      for (let j = 0; j < 3; j++) {
        service(`${p}    `, `c${j}`, 1, j, (q) => {
          L.push(`${q}volumes: ["/data/c${j}:/data"]`);
          if (j > 0) L.push(`${q}depends_on: [c${j - 1}]`);
          L.push(`${q}x-nest:`, `${q}  services:`);
          for (let k = 0; k < 2; k++) {
            service(`${q}    `, `g${k}`, 2, k, (s) => {
              L.push(`${s}volumes: ["/data/g${k}:/work"]`);
              if (k > 0) L.push(`${s}depends_on: [g${k - 1}]`);
            });
          }
          network(`${q}  `);
        });
      }
      network(`${p}  `);
    });
  }
  network('');
  return L.join('\n') + '\n';
}

/** The host directories the binds resolve to, created beforehand so no tool pays a mkdir. */
function makeDataDirs(dir) {
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 2; k++) {
        mkdirSync(path.join(dir, `data/p${i}/c${j}/g${k}`), { recursive: true });
      }
    }
  }
}

// ---------------------------------------------------------------- processes and cleanup

/** Run a command; resolves wall ms, stdout and exit code (rejects when it cannot start). */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: opts.cwd ?? root, env: { ...process.env, ...opts.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      resolve({ ms, code, out, err });
    });
  });
}

/** Run and require one of the exit codes `ok`; the failure message carries the output. */
async function must(what, cmd, args, ok = [0], opts = {}) {
  const r = await run(cmd, args, opts);
  if (!ok.includes(r.code)) {
    const tail = (s) => s.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${what} exited ${r.code}\n${tail(r.out)}\n${tail(r.err)}`);
  }
  return r;
}

const nestc = (file, project, ...args) => [
  '--no-warnings',
  cli,
  '-f',
  file,
  '-p',
  project,
  ...args,
];

/** Remove every container and network of this run (label, or a name with the run's prefix). */
async function cleanup(runId) {
  const label = [`${TEST_LABEL}=${runId}`];
  const containers = await api('GET', `/containers/json?all=1&filters=${filters(label)}`);
  await pool(containers, IN_FLIGHT, (c) =>
    api('DELETE', `/containers/${c.Id}?force=1`, undefined, [200, 204, 404]),
  );
  const networks = (await api('GET', '/networks')).filter(
    (n) => n.Labels?.[TEST_LABEL] === runId || n.Name.startsWith(`nb-${runId}-`),
  );
  await pool(networks, IN_FLIGHT, (n) =>
    api('DELETE', `/networks/${n.Id}`, undefined, [200, 204, 404]),
  );
  return containers.length + networks.length;
}

/** Containers of one project by a label, with their states (a check between steps, untimed). */
async function projectContainers(labelKV) {
  return api('GET', `/containers/json?all=1&filters=${filters([labelKV])}`);
}

/** Ports bound on the engine now, as nestc's observe reports foreign ports. */
async function boundPorts() {
  const all = await api('GET', '/containers/json');
  return all.flatMap((c) =>
    (c.Ports ?? [])
      .filter((p) => p.PublicPort)
      .map((p) => ({
        hostIp: p.IP ?? '',
        port: p.PublicPort,
        protocol: p.Type,
        owner: c.Names[0],
      })),
  );
}

// ---------------------------------------------------------------- main

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rounds = Number(arg('--rounds', '5')) || 5;
const parallel = arg('--parallel', '');
const compose = arg('--docker-compose', 'docker-compose');
/** `--only raw,nestc,compose`: a subset of the systems (default all). */
const only = arg('--only', 'raw,nestc,compose').split(',');
const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Written ports BASE..BASE+22; moved ones go to BASE+100..BASE+399 (--port-range), away from
// the default range 20000–29999 that the test suites use.
const base = 40000 + 500 * Math.floor(Math.random() * 40);
const portRange = `${base + 100}-${base + 399}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-bench-up-'));
const file = path.join(dir, 'compose.yaml');

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${sig}: removing everything of run ${runId}`);
    cleanup(runId)
      .catch((e) => console.error(`cleanup failed: ${e.message}`))
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(130);
      });
  });
}

const times = new Map();
const record = (op, ms) => times.set(op, [...(times.get(op) ?? []), ms]);
const notes = [];

try {
  try {
    await api('GET', '/_ping');
  } catch (e) {
    throw new Error(`no Docker engine answers on ${SOCKET} (${e.message}); start one first`);
  }
  const version = await api('GET', '/version');
  writeFileSync(file, nestfile(runId, base));
  makeDataDirs(dir);
  const { compileProject } = await import(path.join(dist, 'resolve/compile.js'));
  const { desiredState } = await import(path.join(dist, 'apply/desired/desired-state.js'));
  const [from, to] = portRange.split('-').map(Number);

  /** The Engine API objects nestc computes for `project`, as a JSON file for the raw child. */
  const rawState = async (project) => {
    const c = compileProject(
      { files: [file], cwd: dir, env: {}, projectName: project },
      { portRange: { from, to }, foreignPorts: await boundPorts() },
    );
    if (!c.graph) throw new Error(`compile failed: ${c.diagnostics.map((d) => d.summary)}`);
    const d = desiredState(c.graph);
    if (!d.state) throw new Error(`desired state: ${d.diagnostics.map((x) => x.summary)}`);
    const out = path.join(dir, `${project}.json`);
    writeFileSync(out, JSON.stringify(d.state));
    return d.state;
  };

  const expectRunning = async (what, labelKV, n) => {
    const cs = await projectContainers(labelKV);
    const running = cs.filter((c) => c.State === 'running').length;
    if (running !== n) throw new Error(`${what}: ${running} of ${n} containers running`);
    return cs;
  };
  const expectGone = async (what, project) => {
    const left = await cleanup(runId);
    if (left) notes.push(`round ${what} (${project}): ${left} objects were left after down`);
  };

  const systems = {
    async raw(r) {
      const project = `nb-${runId}-r${r}-raw`;
      const state = await rawState(project);
      const me = fileURLToPath(import.meta.url);
      const json = path.join(dir, `${project}.json`);
      const up = await must('raw up', process.execPath, [me, '--child', 'raw-up', json]);
      record('raw up', up.ms);
      record('raw up (engine calls only)', JSON.parse(up.out).ms);
      await expectRunning('raw up', `io.nestc.project=${project}`, state.containers.length);
      const down = await must('raw down', process.execPath, [me, '--child', 'raw-down', project]);
      record('raw down', down.ms);
      record('raw down (engine calls only)', JSON.parse(down.out).ms);
      await expectGone(r, project);
    },
    async nestc(r) {
      const project = `nb-${runId}-r${r}-nestc`;
      const label = `io.nestc.project=${project}`;
      const upArgs = [
        'up',
        '--port-range',
        portRange,
        ...(parallel ? ['--parallel', parallel] : []),
      ];
      const up = await must('nestc up', process.execPath, nestc(file, project, ...upArgs));
      record('nestc up', up.ms);
      const before = await expectRunning('nestc up', label, 30);
      const noop = await must(
        'nestc up (no-op)',
        process.execPath,
        nestc(file, project, ...upArgs),
      );
      record('nestc up (no-op)', noop.ms);
      const after = await expectRunning('nestc up (no-op)', label, 30);
      const ids = (cs) =>
        cs
          .map((c) => c.Id)
          .sort()
          .join();
      if (ids(before) !== ids(after)) notes.push(`round ${r}: the no-op up replaced containers`);
      const planArgs = ['plan', '--detailed-exitcode', '--port-range', portRange];
      const plan = await must(
        'nestc plan',
        process.execPath,
        nestc(file, project, ...planArgs),
        [0, 2],
      );
      if (plan.code === 2) notes.push(`round ${r}: plan on the converged project shows changes`);
      record('nestc plan', plan.ms);
      const down = await must('nestc down', process.execPath, nestc(file, project, 'down'));
      record('nestc down', down.ms);
      await expectGone(r, project);
    },
    /** The floor of every command: a bare Node start, and nestc's start with its modules. */
    async floor() {
      record('node -e 0', (await must('node -e 0', process.execPath, ['-e', '0'])).ms);
      const v = await must('nestc --version', process.execPath, [cli, '--version']);
      record('nestc --version', v.ms);
    },
    async compose(r) {
      const project = `nb-${runId}-r${r}-dc`;
      const v1 = path.join(dir, `${project}.v1.yaml`);
      const compileArgs = ['compile', '--compat', 'v1', '--port-range', portRange, '-o', v1];
      await must(
        'nestc compile --compat v1',
        process.execPath,
        nestc(file, project, ...compileArgs),
      );
      const dc = (...a) => ['-p', project, '-f', v1, ...a];
      const up = await must('docker-compose up -d', compose, dc('up', '-d'), [0], { cwd: dir });
      record('docker-compose up -d', up.ms);
      await expectRunning('docker-compose up', `com.docker.compose.project=${project}`, 30);
      const down = await must('docker-compose down', compose, dc('down'), [0], { cwd: dir });
      record('docker-compose down', down.ms);
      await expectGone(r, project);
    },
  };

  const load0 = os.loadavg();
  const started = new Date();
  const order = ['raw', 'nestc', 'compose'].filter((s) => only.includes(s));
  for (let r = 1; r <= rounds; r++) {
    // Rotate the order each round so that drifting load from other processes spreads evenly.
    const k = (r - 1) % order.length;
    const turn = [...order.slice(k), ...order.slice(0, k)];
    for (const s of [...turn, 'floor']) {
      try {
        await systems[s](r);
      } finally {
        await cleanup(runId);
      }
    }
    process.stderr.write(`round ${r}/${rounds} done\n`);
  }
  const load1 = os.loadavg();

  const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
  const rawUpMed = times.has('raw up') ? median(times.get('raw up')) : null;
  const rawDownMed = times.has('raw down') ? median(times.get('raw down')) : null;
  const rows = [
    ['raw up (8 in flight)', 'raw up', null, ''],
    ['  (engine calls only)', 'raw up (engine calls only)', null, ''],
    ['nestc up', 'nestc up', rawUpMed, '≤ 1.1× raw'],
    ['docker-compose up -d', 'docker-compose up -d', rawUpMed, ''],
    ['raw down (8 in flight)', 'raw down', null, ''],
    ['  (engine calls only)', 'raw down (engine calls only)', null, ''],
    ['nestc down', 'nestc down', rawDownMed, '≤ 1.1× raw'],
    ['docker-compose down', 'docker-compose down', rawDownMed, ''],
    ['nestc up (no-op)', 'nestc up (no-op)', null, '< 0.3 s'],
    ['nestc plan (converged)', 'nestc plan', null, '< 0.3 s'],
    ['  floor: node -e 0', 'node -e 0', null, ''],
    ['  floor: nestc --version', 'nestc --version', null, ''],
  ]
    .filter(([, key]) => times.has(key))
    .map(([operation, key, ref, target]) => {
      const xs = times.get(key);
      const med = median(xs);
      let met = '';
      if (target.startsWith('≤') && ref)
        met = med <= 1.1 * ref ? 'met' : `missed by ${ms(med - 1.1 * ref)}`;
      if (target.startsWith('<')) met = med < 300 ? 'met' : `missed by ${ms(med - 300)}`;
      return {
        operation,
        median: ms(med),
        min: ms(Math.min(...xs)),
        max: ms(Math.max(...xs)),
        'ratio to raw': ref ? `${(med / ref).toFixed(2)}×` : '',
        target,
        result: met,
      };
    });
  console.log(
    `nestc up/down benchmark: 30 containers, 13 scopes/networks, 15 published ports (12 moved); ` +
      `${rounds} rounds, medians\n` +
      `${started.toISOString()}; node ${process.version}; ${os.cpus().length} cores ` +
      `(${os.cpus()[0]?.model ?? '?'}); engine ${version.Version}, API ${version.ApiVersion}; ` +
      `load average ${load0[0].toFixed(1)} at start, ${load1[0].toFixed(1)} at end` +
      `${parallel ? `; nestc up --parallel ${parallel}` : ''}`,
  );
  console.table(rows);
  console.log(
    'Targets: nestc up and down within 1.1× of the raw baseline; no-op up and plan < 0.3 s.',
  );
  for (const n of notes) console.log(`NOTE: ${n}`);
} catch (e) {
  console.error(`bench/up: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (!interrupted) {
    await cleanup(runId).catch((e) => console.error(`cleanup failed: ${e.message}`));
    rmSync(dir, { recursive: true, force: true });
    agent.destroy();
  }
}
