import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { readYaml } from '../loader/read-yaml.js';
import { compiledSchema } from './compiled-schema.js';
import { fastValidatorSource } from './fast-validator-source.js';
import { fastValidate, fastValidatorOrigin } from './fast-validator.js';
import { readSchemaText, schemaDigest } from './schema-file.js';

/**
 * The fast validator must accept exactly what the full one accepts: it decides alone for every
 * valid file. Both the code that ships (the generated module) and the fallback compile are
 * compared with the full validator, on every fixture, inline cases and random mutations.
 */

type Check = (doc: unknown) => boolean;

/** The generated module's source evaluated as CommonJS, as `dist/` loads it. */
function generatedValidator(): Check & { schemaDigest?: string } {
  const module = { exports: {} as Check };
  const require = createRequire(import.meta.url);
  new Function('module', 'exports', 'require', fastValidatorSource(readSchemaText()))(
    module,
    module.exports,
    require,
  );
  return module.exports;
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Every YAML document under fixtures/ that parses, by path. */
function fixtureDocs(): [string, unknown][] {
  const out: [string, unknown][] = [];
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  for (const f of files) {
    const diags = new Diagnostics();
    const { docs } = readYaml(readFileSync(path.join(FIXTURES, f), 'utf8'), f, diags);
    if (diags.hasErrors()) continue;
    docs.forEach((doc, i) => out.push([`${f}#${i}`, doc]));
  }
  return out;
}

const INLINE: unknown[] = [
  {},
  [],
  null,
  'services',
  { services: {} },
  { services: null },
  { services: { web: { image: 'a' } } },
  { services: { web: { image: 1 } } },
  { services: { web: { image: 'a', ports: ['80:80', 8080, { target: 80, published: '8080' }] } } },
  { services: { web: { image: 'a', ports: [{ target: 'x' }] } } },
  { services: { web: { image: 'a', ports: [{ published: 80 }] } } },
  { services: { web: { image: 'a', 'x-anything': { deep: [1] } } } },
  { services: { web: { image: 'a', colour: 'red' } } },
  { services: { web: { image: 'a', mem_limit: ['1g'] } } },
  { services: { web: { image: 'a', restart: 'sometimes' } } },
  { services: { web: { image: 'a', depends_on: ['db', 'db'] } } },
  { services: { web: { image: 'a', depends_on: { db: { condition: 'service_healthy' } } } } },
  { services: { web: { image: 'a', depends_on: { db: { condition: 'bogus' } } } } },
  { services: { web: { image: 'a', environment: { A: null, B: 1, C: true } } } },
  { services: { web: { image: 'a', environment: { A: [1] } } } },
  { services: { web: { image: 'a', 'x-nest': { socket: true } } } },
  { services: { web: { image: 'a', 'x-nest': { socket: 'sometimes' } } } },
  { services: { web: { image: 'a', 'x-nest': { unknown: 1 } } } },
  { 'x-top': 1, services: { web: { build: '.' } } },
  { version: 3, services: {} },
  { networks: { front: { external: true } }, volumes: { data: null } },
  { networks: { front: { driver: 1 } } },
  { service: {} },
];

const full = compiledSchema().validate;

const generated = generatedValidator();

/**
 * The verdicts of the full, the generated and the run-time fast validator, each on its own copy
 * (a validator that changed the document must not hide a disagreement).
 */
function verdicts(doc: unknown): { full: boolean; generated: boolean; runtime: boolean } {
  return {
    full: full(structuredClone(doc)),
    generated: generated(structuredClone(doc)),
    runtime: fastValidate(structuredClone(doc) as object),
  };
}

const agreeing = (full: boolean): ReturnType<typeof verdicts> => ({
  full,
  generated: full,
  runtime: full,
});

describe('fast validator', () => {
  it('records the digest of the schema it was generated from', () => {
    expect(generated.schemaDigest).toBe(schemaDigest(readSchemaText()));
  });

  it('is compiled at run time under vitest, where no generated module sits beside src/', () => {
    expect(fastValidatorOrigin()).toBe('compiled');
  });

  it('agrees with the full validator on every fixture, valid and invalid', () => {
    const docs = fixtureDocs();
    const valid = docs.filter(([, doc]) => full(doc)).length;
    expect(valid).toBeGreaterThan(40);
    expect(docs.length - valid).toBeGreaterThan(5);
    for (const [name, doc] of docs) {
      const v = verdicts(doc);
      expect(v, name).toEqual(agreeing(v.full));
    }
  });

  it('agrees with the full validator on inline edge cases', () => {
    for (const doc of INLINE) {
      const v = verdicts(doc);
      expect(v, JSON.stringify(doc)).toEqual(agreeing(v.full));
    }
  });

  it('agrees with the full validator on random edits of valid fixtures', () => {
    const valid = fixtureDocs()
      .map(([, doc]) => doc)
      .filter((doc) => full(doc))
      .map((doc) => JSON.parse(JSON.stringify(doc)) as unknown);
    const replacement = fc.oneof(
      fc.constantFrom(null, true, 0, -1, 1.5, 65536, '', 'x', '80:80', 'always', [], {}),
      fc.constantFrom(['a'], [1], { a: 1 }, { 'x-a': 1 }, { target: 80 }),
    );
    const outcomes = new Set<boolean>();
    fc.assert(
      fc.property(
        fc.nat(valid.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('replace', 'delete', 'add-key'),
        replacement,
        (which, steps, edit, value) => {
          const doc = structuredClone(valid[which]);
          mutate(doc, steps, edit, value);
          const v = verdicts(doc);
          outcomes.add(v.full);
          return v.generated === v.full && v.runtime === v.full;
        },
      ),
      { numRuns: 2000, seed: 20240601 },
    );
    expect(outcomes.has(true) && outcomes.has(false)).toBe(true);
  });
});

/** Walks `steps` (indexes into a node's children) and edits the node where the walk stops. */
function mutate(doc: unknown, steps: number[], edit: string, value: unknown): void {
  let parent: Record<string, unknown> | undefined;
  let key = '';
  let node = doc;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown>;
    key = keys[step % keys.length] as string;
    node = parent[key];
  }
  if (!parent) return;
  if (edit === 'replace') parent[key] = value;
  else if (edit === 'delete' && !Array.isArray(parent)) delete parent[key];
  else if (edit === 'add-key' && node !== null && typeof node === 'object' && !Array.isArray(node))
    (node as Record<string, unknown>)[`k${steps.length}`] = value;
}

describe('validateSchema and the full compile', () => {
  it('accepts valid files without compiling the full schema, and compiles it for an error', async () => {
    vi.resetModules();
    const { validateSchema } = await import('./validate.js');
    const { fullCompileCount } = await import('./compiled-schema.js');
    const diags = new Diagnostics();
    const valid = fixtureDocs().filter(([, doc]) => full(doc));
    for (const [name, doc] of valid) {
      expect(validateSchema(doc as object, 'compose.yaml', diags), name).toBe(true);
    }
    expect(diags.sorted()).toEqual([]);
    expect(fullCompileCount()).toBe(0);

    const bad = { services: { web: { image: 'a', imagee: 'b' } } };
    expect(validateSchema(bad, 'compose.yaml', diags)).toBe(false);
    expect(fullCompileCount()).toBe(1);
    expect(diags.sorted().map((d) => d.code)).toEqual(['schema-unknown-key']);
  });
});
