import { describe, expect, it } from 'vitest';
import { LABELS } from '../types.js';
import { canonicalJson, configHash } from './config-hash.js';
import { containerOf, desiredOf } from './test-compile.js';

const BASE = `
name: demo
services:
  db: { image: postgres }
  cache: { image: redis }
  web:
    image: x
    scale: SCALE
    environment: { A: "1", B: "2" }
    labels: { one: "1", two: "2" }
    depends_on: DEPS
`;

function hashOf(yaml: string, name = 'demo-web-1'): string {
  return containerOf(desiredOf(yaml), name).configHash;
}

function variant(over: { scale?: string; deps?: string; env?: string; labels?: string }): string {
  let y = BASE.replace('SCALE', over.scale ?? '1').replace('DEPS', over.deps ?? '[db]');
  if (over.env) y = y.replace('{ A: "1", B: "2" }', over.env);
  if (over.labels) y = y.replace('{ one: "1", two: "2" }', over.labels);
  return y;
}

describe('config hash', () => {
  it('is canonical JSON with sorted keys: key order does not matter, array order does', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(configHash({ a: 1, b: 2 })).toBe(configHash({ b: 2, a: 1 }));
    expect(configHash([1, 2])).not.toBe(configHash([2, 1]));
  });

  it('is the same for the same nestfile and stored in the config-hash label', () => {
    const a = containerOf(desiredOf(variant({})), 'demo-web-1');
    expect(hashOf(variant({}))).toBe(a.configHash);
    expect((a.create.Labels as Record<string, string>)[LABELS.configHash]).toBe(a.configHash);
    expect(a.configHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order keys are written in', () => {
    expect(hashOf(variant({ env: '{ B: "2", A: "1" }', labels: '{ two: "2", one: "1" }' }))).toBe(
      hashOf(variant({})),
    );
  });

  it('changes when the environment changes', () => {
    expect(hashOf(variant({ env: '{ A: "1", B: "3" }' }))).not.toBe(hashOf(variant({})));
  });

  it('does not change with depends_on or the replica count', () => {
    expect(hashOf(variant({ deps: '[db, cache]' }))).toBe(hashOf(variant({})));
    expect(hashOf(variant({ scale: '3' }))).toBe(hashOf(variant({})));
  });

  it('covers networks and volumes, stored in their labels', () => {
    const r = desiredOf(`
name: demo
services:
  web: { image: x, volumes: [data:/data] }
volumes:
  data: { labels: { a: b } }
`);
    const v = r.state?.volumes[0];
    expect(v?.configHash).toMatch(/^[0-9a-f]{64}$/);
    expect((v?.create.Labels as Record<string, string>)[LABELS.configHash]).toBe(v?.configHash);
    const changed = desiredOf(`
name: demo
services:
  web: { image: x, volumes: [data:/data] }
volumes:
  data: { labels: { a: c } }
`);
    expect(changed.state?.volumes[0]?.configHash).not.toBe(v?.configHash);
    const n = r.state?.networks[0];
    expect((n?.create.Labels as Record<string, string>)[LABELS.configHash]).toBe(n?.configHash);
  });
});
