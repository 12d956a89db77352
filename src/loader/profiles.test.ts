import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import type { RawModel } from '../model/compose.js';
import { applyProfiles } from './profiles.js';
import { readYaml } from './read-yaml.js';

/** The illustrative example of the compose-spec (15-profiles.md). */
const SPEC = `services:
  foo:
    image: foo
  bar:
    image: bar
    profiles:
      - test
  baz:
    image: baz
    depends_on:
      - bar
    profiles:
      - test
  zot:
    image: zot
    depends_on:
      - bar
    profiles:
      - debug
`;

function run(yaml: string, profiles: string[], targets: string[] = []) {
  const diags = new Diagnostics();
  const model = readYaml(yaml, 'compose.yaml', diags).docs[0] as RawModel;
  const disabled = applyProfiles(model, profiles, diags, targets);
  const services = Object.keys((model.services ?? {}) as object).sort();
  return { model, services, disabled, diags: diags.items };
}

describe('applyProfiles: the compose-spec example', () => {
  it('no profile: only foo', () => {
    const r = run(SPEC, []);
    expect(r.services).toEqual(['foo']);
    expect(r.disabled).toEqual(['bar', 'baz', 'zot']);
    expect(r.diags).toEqual([]);
  });

  it('test: foo, bar and baz', () => {
    expect(run(SPEC, ['test']).services).toEqual(['bar', 'baz', 'foo']);
  });

  it('debug: zot depends on the disabled bar, an error at the depends_on entry', () => {
    const r = run(SPEC, ['debug']);
    expect(r.diags).toEqual([
      expect.objectContaining({
        code: 'profile-reference-disabled',
        severity: 'error',
        summary: expect.stringContaining('"zot"'),
        loc: expect.objectContaining({ line: 17 }),
        related: [expect.objectContaining({ loc: expect.objectContaining({ line: 7 }) })],
      }),
    ]);
  });

  it('debug and test: every service', () => {
    const r = run(SPEC, ['debug', 'test']);
    expect(r.services).toEqual(['bar', 'baz', 'foo', 'zot']);
    expect(r.diags).toEqual([]);
  });

  it('"*" activates every profile', () => {
    expect(run(SPEC, ['*']).services).toEqual(['bar', 'baz', 'foo', 'zot']);
  });

  it('targeting bar activates test', () => {
    const r = run(SPEC, [], ['bar']);
    expect(r.services).toEqual(['bar', 'baz', 'foo']);
    expect(r.diags).toEqual([]);
  });

  it('targeting baz activates test, which brings bar', () => {
    expect(run(SPEC, [], ['baz']).services).toEqual(['bar', 'baz', 'foo']);
  });

  it('targeting zot alone is invalid: bar stays disabled', () => {
    const r = run(SPEC, [], ['zot']);
    expect(r.diags.map((d) => d.code)).toEqual(['profile-reference-disabled']);
  });

  it('targeting zot with test active: debug is added and bar is there', () => {
    const r = run(SPEC, ['test'], ['zot']);
    expect(r.services).toEqual(['bar', 'baz', 'foo', 'zot']);
    expect(r.diags).toEqual([]);
  });

  it('reports an unknown target', () => {
    expect(run(SPEC, [], ['nope']).diags.map((d) => d.code)).toEqual(['profile-unknown-service']);
  });
});

describe('applyProfiles: details', () => {
  it('keeps a depends_on with required: false on a disabled service, as Compose', () => {
    const yaml = `services:
  web:
    image: web
    depends_on:
      debug: {condition: service_started, required: false}
  debug:
    image: dbg
    profiles: [debug]
`;
    const r = run(yaml, []);
    expect(r.diags).toEqual([]);
    expect(r.services).toEqual(['web']);
  });

  it('reports links and service: namespaces to a disabled service', () => {
    const yaml = `services:
  web:
    image: web
    links: ["db:database"]
    network_mode: "service:db"
  db:
    image: db
    profiles: [data]
`;
    const r = run(yaml, []);
    expect(r.diags.map((d) => d.summary)).toEqual([
      expect.stringContaining('(links)'),
      expect.stringContaining('(network_mode)'),
    ]);
  });

  it('does not add the profiles of a target that is already enabled', () => {
    const yaml = `services:
  a: {image: a, profiles: [one, two]}
  b: {image: b, profiles: [two]}
`;
    expect(run(yaml, ['one'], ['a']).services).toEqual(['a']);
  });

  it('filters inner x-nest services at any depth with the same profiles', () => {
    const yaml = `services:
  agent:
    image: agent
    x-nest:
      services:
        db: {image: pg}
        tools:
          image: tools
          profiles: [debug]
        runner:
          image: runner
          x-nest:
            services:
              deep: {image: d, profiles: [debug]}
              keep: {image: k}
`;
    const r = run(yaml, []);
    type Nest = { 'x-nest': { services: Record<string, Nest> } };
    const inner = (r.model.services as Record<string, Nest>).agent?.['x-nest'].services ?? {};
    expect(Object.keys(inner)).toEqual(['db', 'runner']);
    expect(Object.keys(inner.runner?.['x-nest'].services ?? {})).toEqual(['keep']);
    expect(r.disabled).toEqual(['agent/runner/deep', 'agent/tools']);
    expect(Object.keys(run(yaml, ['debug']).model.services as object)).toEqual(['agent']);
  });

  it('checks references inside an inner scope and accepts nest paths as targets', () => {
    const yaml = `services:
  agent:
    image: agent
    x-nest:
      services:
        tests: {image: t, depends_on: [db]}
        db: {image: pg, profiles: [data]}
`;
    const r = run(yaml, []);
    expect(r.diags[0]).toMatchObject({
      code: 'profile-reference-disabled',
      summary: expect.stringContaining('"agent/tests"'),
    });
    expect(run(yaml, [], ['agent/db']).diags).toEqual([]);
  });
});
