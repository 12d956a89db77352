import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkComposeV1, renderCompile } from '../src/views/compile.js';
import { compileCase, compileCases } from './support/compile-cases.js';
import { composeConfig, dockerComposeVersion } from './support/docker-compose-v1.js';

/**
 * Interop: for every golden case, `compile --compat v1` output is read by Debian's
 * docker-compose 1.29 (`config` needs no engine) with the same services, networks, volumes and
 * published ports; or, where the graph needs what v1 cannot express, nestc says so with
 * `nest-compat-v1-unsupported` instead of writing a file 1.29 would misread. docker-compose is
 * installed by scripts/test.sh; without it this suite fails, it is never skipped.
 */

const cases = compileCases('compile');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nestc-interop-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const v = await dockerComposeVersion();
  expect(v, "Debian's docker-compose is missing: run scripts/test.sh (it installs it)").toMatch(
    /^1\.29/,
  );
});

type Obj = Record<string, unknown>;
const keys = (o: unknown): string[] => Object.keys((o ?? {}) as Obj).sort();

describe('compile --compat v1 is read by docker-compose 1.29', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = compileCase(c);
      expect(r.graph).toBeDefined();
      const graph = r.graph!;
      const v1Errors = checkComposeV1(graph.project, graph.services);
      if (v1Errors.length > 0) {
        // Only what 1.29 really lacks may stop the v1 output: a volume subpath here.
        expect(v1Errors.map((d) => d.code)).toEqual(
          v1Errors.map(() => 'nest-compat-v1-unsupported'),
        );
        expect(JSON.stringify(graph.project)).toContain('"subpath"');
        return;
      }
      const text = renderCompile(graph, {
        format: 'yaml',
        cwd: c.dir,
        files: [c.file],
        dialect: 'compose-v1',
      });
      const file = path.join(tmp, `${c.name}.yaml`);
      fs.writeFileSync(file, text);
      const run = await composeConfig({ dir: tmp, files: [file], env: {} }, graph.project.name);
      expect(run.ok, run.stderr).toBe(true);
      const v1 = parse(run.stdout) as Obj;
      const ours = graph.project as unknown as Obj;
      expect(keys(v1.services)).toEqual(keys(ours.services));
      expect(keys(v1.networks)).toEqual(keys(ours.networks));
      expect(keys(v1.volumes)).toEqual(keys(ours.volumes));
      // Every published port nestc settled on is the one 1.29 would publish.
      for (const p of graph.ports) {
        const svc = (v1.services as Obj)[p.service] as Obj;
        const published = ((svc.ports ?? []) as unknown[]).map(publishedOf);
        expect(published, `${p.nestPath} ports[${p.index}]`).toContain(p.published);
      }
    });
  }
});

/**
 * The host port of a port as 1.29 prints it: long syntax, or the short `[IP:]HOST:TARGET[/proto]`
 * it uses for entries with a host address.
 */
function publishedOf(p: unknown): string {
  if (typeof p === 'string') {
    const parts = p.replace(/\/\w+$/, '').split(':');
    return parts[parts.length - 2] ?? '';
  }
  return String((p as Obj).published);
}
