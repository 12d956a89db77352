import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../../engine/engine.js';
import type { EngineLogger } from '../../engine/engine-logger.js';
import { MemoryEngine, type MemoryEngineOptions } from '../../engine/memory-engine.js';
import type { HostProbe } from '../../resolve/options/resolve-options.js';
import { planProject } from '../plan-project.js';
import type { Plan } from '../types.js';

/**
 * Shared by the executor's and the commands' unit tests (never built into dist/: `*-test-*`):
 * a nestfile written to a temp dir, planned against a MemoryEngine through the real pipeline,
 * so the tests execute exactly the plans `up` would.
 */

/** The image every test nestfile uses; the memory engine has it. */
export const IMAGE = 'nestc-test/busybox:1';

/** A machine that is not a container, with no engine socket and an empty environment. */
export const BARE_HOST: HostProbe = {
  env: {},
  stat: () => undefined,
  containerId: () => undefined,
};

/** A fresh temp dir with `compose.yaml` holding `yaml`; returns the file's path. */
export function writeNestfile(yaml: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nestc-exec-'));
  const file = path.join(dir, 'compose.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** A memory engine that has the test image and records every call it is asked to make. */
export function recordingEngine(opts: MemoryEngineOptions = {}): {
  engine: MemoryEngine;
  calls: string[];
} {
  const calls: string[] = [];
  const logger: EngineLogger = {
    debug: (m) => {
      if (m.startsWith('engine → ')) calls.push(m.slice('engine → '.length));
    },
  };
  const engine = new MemoryEngine({ images: [IMAGE], logger, ...opts });
  return { engine, calls };
}

/** Plan the nestfile at `file` against `engine`; throws (a test bug) when there is no plan. */
export async function planFile(
  engine: Engine,
  file: string,
  opts: { removeOrphans?: boolean } = {},
): Promise<Plan> {
  const r = await planProject(engine, {
    load: { files: [file], cwd: path.dirname(file), env: {} },
    flags: {},
    removeOrphans: opts.removeOrphans ?? false,
    host: BARE_HOST,
  });
  if (!r.plan) {
    const msgs = r.diagnostics.map((d) => `${d.code}: ${d.summary}`).join('\n');
    throw new Error(`test nestfile has no plan:\n${msgs}`);
  }
  return r.plan;
}

/**
 * `engine` with container creates that take `ms` each, counting how many are in flight at
 * once: what bounded parallelism is measured by.
 */
export function slowCreates(
  engine: Engine,
  ms: number,
): { engine: Engine; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const containers = {
    ...engine.containers,
    create: async (name: string, body: Record<string, unknown>): Promise<string> => {
      inFlight++;
      max = Math.max(max, inFlight);
      try {
        await new Promise((r) => setTimeout(r, ms));
        return await engine.containers.create(name, body);
      } finally {
        inFlight--;
      }
    },
  };
  const wrapped: Engine = {
    address: engine.address,
    containers,
    networks: engine.networks,
    volumes: engine.volumes,
    images: engine.images,
    system: engine.system,
    stats: engine.stats,
  };
  return { engine: wrapped, maxInFlight: () => max };
}
