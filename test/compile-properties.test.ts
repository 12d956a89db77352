import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderDiagnostic } from '../src/diag/render.js';
import type { CompileResult } from '../src/resolve/compile.js';
import { renderCompile } from '../src/views/compile.js';
import { compileCase } from './support/compile-cases.js';
import { BASE_ENV } from './support/fixture-cases.js';
import {
  buildTopology,
  isUnder,
  seededRandom,
  shuffleKeys,
  topologyArb,
  writeNestfile,
  type Topology,
  type TopologyBp,
} from './support/gen-topology.js';

/**
 * Properties of `compile` over generated nested topologies (test/support/gen-topology.ts):
 * inputs are valid by construction, so every failure here is a nestc bug. A failure message
 * carries the nestfile that fast-check shrank to, ready to become a fixture.
 */

/** Runs per property; `NESTC_PROP_RUNS=2000` searches harder (the default keeps the file fast). */
const RUNS = Number(process.env.NESTC_PROP_RUNS ?? 60);

/** The engine socket a child may bind when its parent has `socket: host`. */
const ENGINE_SOCKET = '/var/run/docker.sock';

interface OutVolume {
  type: string;
  source?: string;
  target: string;
  read_only?: boolean;
  volume?: { subpath?: string; nocopy?: boolean };
}
interface OutPort {
  published?: string | number;
  host_ip?: string;
  protocol?: string;
}
interface OutService {
  labels?: Record<string, string>;
  volumes?: OutVolume[];
  ports?: OutPort[];
  networks?: Record<string, { aliases?: string[] } | null>;
}
interface OutProject {
  services: Record<string, OutService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

/** One generated case, compiled: the project directory, the nestfile, the result. */
interface Compiled {
  dir: string;
  file: string;
  text: string;
  result: CompileResult;
  yaml: string;
  out: OutProject;
  topology: Topology;
}

/** Write `text` as `name` in `dir` and compile it as `nestc compile` would, no flags. */
function compileIn(
  dir: string,
  name: string,
  text: string,
): { result: CompileResult; yaml: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const result = compileCase({ name, dir, file, args: [], env: { ...BASE_ENV } });
  const errors = result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => renderDiagnostic(d, result.sources, { color: false, cwd: dir }));
  if (errors.length > 0 || !result.graph) {
    throw new Error(
      `a valid generated nestfile failed to compile:\n${errors.join('\n')}\n--- ${name}\n${text}`,
    );
  }
  return { result, yaml: renderCompile(result.graph, { format: 'yaml', cwd: dir, files: [file] }) };
}

/** Compile the blueprint in a fresh temporary project, run `check`, and clean up. */
function withCompiled(bp: TopologyBp, check: (c: Compiled) => void): void {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nestc-prop-')));
  try {
    const topology = buildTopology(bp);
    const text = writeNestfile(topology.doc);
    const { result, yaml } = compileIn(dir, 'compose.yaml', text);
    const out = parse(yaml) as OutProject;
    const c: Compiled = {
      dir,
      file: path.join(dir, 'compose.yaml'),
      text,
      result,
      yaml,
      out,
      topology,
    };
    // Every declared service, and only those, comes out once: the checks below walk the output.
    const got = Object.keys(out.services)
      .map((flat) => nestPathOf(c, flat))
      .sort();
    const want = [...topology.services.keys()].sort();
    if (got.join(',') !== want.join(','))
      fail(
        c,
        `the output has services ${got.join(', ')}, the nestfile declares ${want.join(', ')}`,
      );
    check(c);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fail with the nestfile and the compiled output, so a shrunk case explains itself. */
function fail(c: Compiled, message: string): never {
  throw new Error(`${message}\n--- nestfile\n${c.text}--- compiled\n${c.yaml}`);
}

/** Nest path of a flat service, from the label every emitted service carries. */
function nestPathOf(c: Compiled, flat: string): string {
  const p = c.out.services[flat]?.labels?.['io.nestc.path'];
  if (p === undefined) fail(c, `flat service ${flat} has no io.nestc.path label`);
  return p;
}

/** The nest path of the service that starts `nestPath` ('' at the root). */
function scopeOf(nestPath: string): string {
  const i = nestPath.lastIndexOf('/');
  return i < 0 ? '' : nestPath.slice(0, i);
}

/** Rule 5's host-address overlap, written again from NESTFILE.md rather than imported. */
function hostIpsOverlap(a: string, b: string): boolean {
  const norm = (ip: string): string => ip.replace(/^\[(.*)\]$/, '$1');
  const x = norm(a);
  const y = norm(b);
  const all = (ip: string): boolean => ip === '' || ip === '::';
  const v4 = (ip: string): boolean => ip.includes('.');
  if (all(x) || all(y)) return true;
  if (x === '0.0.0.0') return v4(y);
  if (y === '0.0.0.0') return v4(x);
  return x === y;
}

describe('compile properties over generated nested topologies', () => {
  it('maps every bind source under a root bind source, or to a declared named volume', () => {
    fc.assert(
      fc.property(topologyArb, (bp) =>
        withCompiled(bp, (c) => {
          const rootBinds: string[] = [];
          for (const [flat, s] of Object.entries(c.out.services)) {
            if (scopeOf(nestPathOf(c, flat)) !== '') continue;
            for (const v of s.volumes ?? []) {
              if (v.type !== 'bind') continue;
              if (!isUnder(v.source ?? '', c.dir))
                fail(c, `root service ${flat} binds ${v.source}, outside the project ${c.dir}`);
              rootBinds.push(v.source!);
            }
          }
          const declared = Object.keys(c.out.volumes ?? {});
          for (const [flat, s] of Object.entries(c.out.services)) {
            for (const v of s.volumes ?? []) {
              const what = `${flat} (${nestPathOf(c, flat)}) volume at ${v.target}`;
              if (v.type === 'volume') {
                if (!declared.includes(v.source ?? ''))
                  fail(c, `${what}: named volume ${v.source} is not declared in the output`);
              } else if (v.type === 'bind') {
                const src = v.source ?? '';
                if (!path.posix.isAbsolute(src)) fail(c, `${what}: bind source ${src} is relative`);
                if (src !== ENGINE_SOCKET && !rootBinds.some((r) => isUnder(src, r)))
                  fail(c, `${what}: bind source ${src} is under no bind source of the root`);
              } else fail(c, `${what}: unexpected mount type ${v.type}`);
            }
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  // Stronger than the property above: not only under the root's directories, but exactly where
  // the chain of parent mounts leads (longest target wins at every level), and one engine
  // volume per (scope, volume name) (rule 3).
  it('translates every mount to the host path its chain of parent mounts gives', () => {
    fc.assert(
      fc.property(topologyArb, (bp) =>
        withCompiled(bp, (c) => {
          const keyOf = new Map<string, string>();
          const idOf = new Map<string, string>();
          for (const [flat, s] of Object.entries(c.out.services)) {
            const nestPath = nestPathOf(c, flat);
            for (const m of c.topology.services.get(nestPath)?.mounts ?? []) {
              const v = (s.volumes ?? []).find((x) => x.target === m.target);
              const what = `${flat} (${nestPath}) mount at ${m.target}`;
              if (!v) fail(c, `${what} is missing`);
              const got = JSON.stringify({ type: v.type, source: v.source, volume: v.volume });
              if (m.host.kind === 'bind') {
                const want = path.join(c.dir, m.host.rel);
                if (v.type !== 'bind' || v.source !== want)
                  fail(c, `${what} should bind ${want}, got ${got}`);
                continue;
              }
              const { volume, sub, own } = m.host;
              const vol = v.volume ?? {};
              const placed = own
                ? vol.subpath === undefined && vol.nocopy !== true
                : sub === ''
                  ? vol.subpath === undefined && vol.nocopy === true
                  : vol.subpath === sub;
              const wantText = `volume ${volume} ${own ? '(its own)' : sub === '' ? 'with nocopy' : `subpath ${sub}`}`;
              if (v.type !== 'volume' || !placed)
                fail(c, `${what} should mount ${wantText}, got ${got}`);
              const key = v.source ?? '';
              if ((keyOf.get(volume) ?? key) !== key || (idOf.get(key) ?? volume) !== volume)
                fail(c, `${what}: volume ${volume} and key ${key} do not match one to one`);
              keyOf.set(volume, key);
              idOf.set(key, volume);
            }
          }
          const names = Object.values(c.out.volumes ?? {}).map(
            (v) => (v as { name?: string }).name,
          );
          if (new Set(names).size !== names.length)
            fail(c, `two declared volumes share an engine name: ${names.join(', ')}`);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('publishes no two overlapping host ports, and drops none', () => {
    fc.assert(
      fc.property(topologyArb, (bp) =>
        withCompiled(bp, (c) => {
          const claims: { who: string; ip: string; proto: string; lo: number; hi: number }[] = [];
          for (const [flat, s] of Object.entries(c.out.services)) {
            let count = 0;
            (s.ports ?? []).forEach((p, i) => {
              if (p.published === undefined) return;
              const [lo, hi] = String(p.published).split('-').map(Number) as [number, number?];
              const claim = {
                who: `${flat} ports[${i}] ${p.host_ip ?? ''}:${String(p.published)}/${p.protocol ?? 'tcp'}`,
                ip: p.host_ip ?? '',
                proto: p.protocol ?? 'tcp',
                lo,
                hi: hi ?? lo,
              };
              count += claim.hi - claim.lo + 1;
              for (const o of claims) {
                if (
                  o.proto === claim.proto &&
                  o.lo <= claim.hi &&
                  claim.lo <= o.hi &&
                  hostIpsOverlap(o.ip, claim.ip)
                )
                  fail(c, `host port claims overlap: ${o.who} and ${claim.who}`);
              }
              claims.push(claim);
            });
            const expected = c.topology.services.get(nestPathOf(c, flat))?.hostPorts ?? 0;
            if (count !== expected)
              fail(c, `${flat} publishes ${count} host ports, the nestfile wrote ${expected}`);
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it("resolves each child's inner name on its scope networks, and only there", () => {
    fc.assert(
      fc.property(topologyArb, (bp) =>
        withCompiled(bp, (c) => {
          const members = new Map<string, { flat: string; aliases: string[] }[]>();
          for (const [flat, s] of Object.entries(c.out.services)) {
            for (const [net, opts] of Object.entries(s.networks ?? {})) {
              let list = members.get(net);
              if (!list) members.set(net, (list = []));
              list.push({ flat, aliases: opts?.aliases ?? [] });
            }
          }
          for (const [flat, s] of Object.entries(c.out.services)) {
            const nestPath = nestPathOf(c, flat);
            const scope = scopeOf(nestPath);
            if (scope === '') continue;
            const inner = nestPath.slice(scope.length + 1);
            // A parent is also on the networks of the scope it starts (with its own name, which
            // is its inner name too): those hold its children, or only itself when none of its
            // children uses one. Its own scope's networks always hold its parent as well.
            const nets = Object.entries(s.networks ?? {}).filter(([net]) => {
              const ms = members.get(net) ?? [];
              return ms.length > 1 && !ms.some((m) => scopeOf(nestPathOf(c, m.flat)) === nestPath);
            });
            const declared = c.topology.services.get(nestPath)?.networks;
            if (nets.length !== declared)
              fail(
                c,
                `${flat} (${nestPath}) is on ${nets.length} networks, it declared ${declared}`,
              );
            for (const [net, opts] of nets) {
              if (!(opts?.aliases ?? []).includes(inner))
                fail(c, `${flat} (${nestPath}) lacks its inner name "${inner}" on network ${net}`);
              for (const m of members.get(net) ?? []) {
                const mPath = nestPathOf(c, m.flat);
                const isParent = mPath === scope;
                if (scopeOf(mPath) !== scope && !isParent)
                  fail(c, `network ${net} of scope "${scope}" has ${m.flat} (${mPath}) as member`);
                if (m.flat === flat || !m.aliases.includes(inner)) continue;
                // Rule 4 makes the parent join with its own name: a parent named like one of
                // its children answers that name too. That is the spec's documented ambiguity,
                // which must come with a warning; any other second answer is a bug.
                const warned = c.result.diagnostics.some(
                  (d) =>
                    d.code === 'nest-dns-ambiguous' &&
                    d.summary.startsWith(`service "${nestPath}" can resolve "${inner}"`),
                );
                if (!isParent || !warned)
                  fail(
                    c,
                    `"${inner}" on network ${net} answers for ${flat} (${nestPath}) and also ${m.flat} (${mPath})${isParent ? ', with no nest-dns-ambiguous warning' : ''}`,
                  );
              }
            }
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('gives the same bytes whatever the key order, and on a second compile', () => {
    fc.assert(
      fc.property(topologyArb, fc.integer(), (bp, seed) => {
        const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'nestc-prop-')));
        try {
          const doc = buildTopology(bp).doc;
          const text = writeNestfile(doc);
          const shuffled = writeNestfile(shuffleKeys(doc, seededRandom(seed)));
          const first = compileIn(dir, 'compose.yaml', text).yaml;
          const again = compileIn(dir, 'compose.yaml', text).yaml;
          expect(again, 'a second compile of the same file').toBe(first);
          // The header comment names file:line of each declaration, which moves with the key
          // order by design, so the two files are compared without it.
          const body = (yaml: string): string => yaml.replace(/^(#.*\n)+/, '');
          const other = compileIn(dir, 'shuffled.yaml', shuffled).yaml;
          if (body(other) !== body(first)) {
            expect(
              body(other),
              `key order changed the output\n--- nestfile\n${text}--- shuffled\n${shuffled}`,
            ).toBe(body(first));
          }
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: Math.ceil((RUNS * 2) / 3) },
    );
  });

  it('keeps every child path under a read-only parent mount read-only', () => {
    fc.assert(
      fc.property(topologyArb, (bp) =>
        withCompiled(bp, (c) => {
          for (const [flat, s] of Object.entries(c.out.services)) {
            const nestPath = nestPathOf(c, flat);
            for (const m of c.topology.services.get(nestPath)?.mounts ?? []) {
              const v = (s.volumes ?? []).find((x) => x.target === m.target);
              if (!v) fail(c, `${flat} (${nestPath}) lost its mount at ${m.target}`);
              if (m.readOnly && v.read_only !== true)
                fail(c, `${flat} (${nestPath}) mount at ${m.target} must be read-only`);
              if (!m.readOnly && v.read_only === true)
                fail(
                  c,
                  `${flat} (${nestPath}) mount at ${m.target} is read-only, nothing asked for it`,
                );
            }
          }
        }),
      ),
      { numRuns: RUNS },
    );
  });
});
