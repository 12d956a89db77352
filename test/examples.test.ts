import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../src/diag/render.js';
import { compileProject } from '../src/resolve/compile.js';
import { renderGraph } from '../src/views/graph.js';

/**
 * The bundled examples are what users copy: each one compiles without errors, its only
 * warnings are the ones it is there to show (`socket: host`), and it draws as a graph.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples');
const examples = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'compose.yaml')));

describe('examples', () => {
  it('include the three the docs promise', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['ci-agent', 'jenkins-chain', 'management-socket']),
    );
  });

  for (const name of examples) {
    it(`${name} compiles and draws`, () => {
      const dir = path.join(root, name);
      const r = compileProject(
        { files: [path.join(dir, 'compose.yaml')], cwd: dir, env: { HOME: '/home/nestc' } },
        { dockerHost: 'unix:///var/run/docker.sock' },
      );
      const shown = r.diagnostics
        .map((d) => renderDiagnostic(d, r.sources, { color: false, cwd: dir }))
        .join('\n');
      expect(r.graph, shown).toBeDefined();
      const unexpected = r.diagnostics.filter((d) => d.code !== 'nest-socket-host');
      expect(unexpected, shown).toEqual([]);
      const services = Object.keys(r.graph!.project.services);
      expect(
        services.some((s) => s.includes('-')),
        'has nested services',
      ).toBe(true);
      expect(renderGraph(r.graph!, 'dot')).toContain('digraph');
    });
  }
});
