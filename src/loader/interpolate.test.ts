import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { getLoc } from '../model/locations.js';
import { interpolate } from './interpolate.js';
import { readYaml } from './read-yaml.js';

type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function load(yaml: string, env: Record<string, string> = {}, diags = new Diagnostics()) {
  const before = diags.items.length;
  const { docs } = readYaml(yaml, 'compose.yaml', diags);
  expect(diags.items.slice(before)).toEqual([]);
  const doc = docs[0] as Tree;
  interpolate(doc, env, diags);
  return { doc, diags: diags.items };
}

describe('interpolate: values', () => {
  it('replaces values at any depth, in lists, x-* and x-nest, never keys', () => {
    const { doc } = load(
      [
        'x-common: {tag: "${TAG}"}',
        'services:',
        '  ${KEY}:',
        '    image: "app:${TAG}"',
        '    command: [echo, $TAG]',
        '    labels: {"$KEY": v}',
        '    x-nest:',
        '      services:',
        '        inner: {image: "db:${TAG:-x}", environment: [A=$TAG]}',
      ].join('\n'),
      { TAG: '1.2', KEY: 'k' },
    );
    expect(doc['x-common'].tag).toBe('1.2');
    const svc = doc.services['${KEY}'];
    expect(svc.image).toBe('app:1.2');
    expect(svc.command).toEqual(['echo', '1.2']);
    expect(svc.labels).toEqual({ $KEY: 'v' });
    expect(svc['x-nest'].services.inner).toEqual({ image: 'db:1.2', environment: ['A=1.2'] });
  });

  it('keeps the position of a replaced value', () => {
    const { doc } = load('services:\n  web:\n    image: "${IMG}"\n', { IMG: 'nginx' });
    expect(doc.services.web.image).toBe('nginx');
    expect(getLoc(doc.services.web, 'image')).toMatchObject({ line: 3, col: 12 });
  });

  it('leaves numbers, booleans and nulls alone', () => {
    const { doc } = load('x-a: [1, true, null, 2.5]\n');
    expect(doc['x-a']).toEqual([1, true, null, 2.5]);
  });

  it('does not read inherited properties of the environment as variables', () => {
    const { doc, diags } = load('x-a: "[${constructor}]"\n', {});
    expect(doc['x-a']).toBe('[]');
    expect(diags.map((d) => d.code)).toEqual(['interpolate-unset']);
  });
});

describe('interpolate: diagnostics', () => {
  it('warns once per unset variable per load, at the first use', () => {
    const diags = new Diagnostics();
    load('x-a: $NOPE\nx-b: "${NOPE} $OTHER"\n', {}, diags);
    load('x-c: ${NOPE}\n', {}, diags);
    const warnings = diags.items.filter((d) => d.code === 'interpolate-unset');
    expect(warnings.map((d) => d.summary)).toEqual([
      'the "NOPE" variable is not set, defaulting to a blank string',
      'the "OTHER" variable is not set, defaulting to a blank string',
    ]);
    expect(warnings[0]).toMatchObject({ severity: 'warning', loc: { line: 1, col: 6 } });
  });

  it('points a required-variable error at the ${ inside a plain scalar', () => {
    const { diags } = load('services:\n  web:\n    image: app:${TAG:?set the tag}\n');
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'interpolate-required',
      severity: 'error',
      summary: 'required variable TAG is missing a value: set the tag',
      loc: { file: 'compose.yaml', line: 3, col: 16, endLine: 3, endCol: 35 },
    });
  });

  it('points inside a double-quoted scalar past the quote', () => {
    const { diags } = load('x-a: "ab ${}"\n');
    expect(diags[0]).toMatchObject({ code: 'interpolate-syntax', loc: { line: 1, col: 10 } });
  });

  it('keeps the scalar position when escapes make columns uncertain', () => {
    const { diags } = load('x-a: "a\\tb ${}"\n');
    expect(diags[0]).toMatchObject({ code: 'interpolate-syntax', loc: { line: 1, col: 6 } });
  });

  it('reports every error of the file, not just the first', () => {
    const { diags } = load('x-a: ${A:?}\nx-b: ["${}", "${B"]\nx-c: ${C:x}\n');
    expect(diags.map((d) => [d.code, d.loc?.line])).toEqual([
      ['interpolate-required', 1],
      ['interpolate-syntax', 2],
      ['interpolate-syntax', 2],
      ['interpolate-syntax', 3],
    ]);
    expect(diags[0]?.summary).toBe('required variable A is missing a value');
  });
});

describe('interpolate: casting', () => {
  const env = { RO: 'true', N: '3', CPU: '1.5', OLD: 'yes', BAD: 'maybe' };

  it('casts the paths Compose casts, after interpolation', () => {
    const { doc, diags } = load(
      [
        'services:',
        '  web:',
        '    read_only: ${RO}',
        '    cpus: ${CPU}',
        '    scale: "${N}"',
        '    init: "false"',
        '    ports: [{target: "${N}0", published: "${N}0"}]',
        '    ulimits: {nproc: "${N}", nofile: {soft: "1", hard: "2"}}',
        '    deploy: {replicas: "${N}", update_config: {max_failure_ratio: "0.5"}}',
        '    depends_on: {db: {condition: service_started, required: "${RO}"}}',
        '    volumes: [{type: bind, source: ., target: /a, read_only: "${RO}"}]',
        '    environment: {N: "${N}"}',
        'networks: {n: {external: "${RO}"}}',
        'volumes: {v: {external: "false"}}',
      ].join('\n'),
      env,
    );
    expect(diags).toEqual([]);
    const web = doc.services.web;
    expect(web.read_only).toBe(true);
    expect(web.cpus).toBe(1.5);
    expect(web.scale).toBe(3);
    expect(web.init).toBe(false);
    expect(web.ports[0]).toEqual({ target: 30, published: '30' });
    expect(web.ulimits).toEqual({ nproc: 3, nofile: { soft: 1, hard: 2 } });
    expect(web.deploy).toEqual({ replicas: 3, update_config: { max_failure_ratio: 0.5 } });
    expect(web.depends_on.db.required).toBe(true);
    expect(web.volumes[0].read_only).toBe(true);
    expect(web.environment.N).toBe('3');
    expect(doc.networks.n.external).toBe(true);
    expect(doc.volumes.v.external).toBe(false);
  });

  it('casts inside x-nest blocks at any depth', () => {
    const { doc } = load(
      [
        'services:',
        '  a:',
        '    x-nest:',
        '      services:',
        '        b:',
        '          tty: "${RO}"',
        '          x-nest:',
        '            services: {c: {privileged: "${RO}", scale: "${N}"}}',
        '            networks: {n: {internal: "true"}}',
      ].join('\n'),
      env,
    );
    const b = doc.services.a['x-nest'].services.b;
    expect(b.tty).toBe(true);
    expect(b['x-nest'].services.c).toEqual({ privileged: true, scale: 3 });
    expect(b['x-nest'].networks.n.internal).toBe(true);
  });

  it('does not cast the same names elsewhere', () => {
    const { doc } = load('x-a: {read_only: "true"}\nservices: {web: {labels: {tty: "true"}}}\n');
    expect(doc['x-a'].read_only).toBe('true');
    expect(doc.services.web.labels.tty).toBe('true');
  });

  it('accepts YAML 1.1 booleans with a warning', () => {
    const { doc, diags } = load('services:\n  web:\n    tty: ${OLD}\n', env);
    expect(doc.services.web.tty).toBe(true);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'interpolate-legacy-boolean',
      severity: 'warning',
      loc: { line: 3, col: 10 },
    });
  });

  it('reports every string that does not cast, written or interpolated, at its value', () => {
    const { doc, diags } = load(
      [
        'services:',
        '  web:',
        '    scale: lots',
        '    privileged: ${BAD}',
        '    read_only: "1"',
        '    cpus: "${CPU}x"',
        '    deploy: {replicas: "1.0"}',
      ].join('\n'),
      env,
    );
    expect(new Set(diags.map((d) => `${d.severity} ${d.code}`))).toEqual(
      new Set(['error interpolate-cast']),
    );
    expect(diags.map((d) => `${d.loc?.line}:${d.loc?.col} ${d.summary}`)).toEqual([
      '3:12 services.web.scale: expected an integer, got "lots"',
      '4:17 services.web.privileged: expected a boolean, got "maybe"',
      '5:16 services.web.read_only: expected a boolean, got "1"',
      '6:11 services.web.cpus: expected a number, got "1.5x"',
      '7:24 services.web.deploy.replicas: expected an integer, got "1.0"',
    ]);
    expect(doc.services.web.scale).toBe('lots');
  });

  it('reports an unset variable at a cast path as an empty value', () => {
    const { diags } = load('services:\n  web:\n    read_only: ${NOPE}\n');
    expect(diags.map((d) => [d.code, d.summary])).toEqual([
      ['interpolate-unset', 'the "NOPE" variable is not set, defaulting to a blank string'],
      ['interpolate-cast', 'services.web.read_only: expected a boolean, got ""'],
    ]);
  });

  it('names the full path inside x-nest blocks and lists', () => {
    const { diags } = load(
      [
        'services:',
        '  a:',
        '    x-nest:',
        '      services:',
        '        b: {ports: [{target: "${N}"}, {target: "http"}]}',
      ].join('\n'),
      env,
    );
    expect(diags.map((d) => d.summary)).toEqual([
      'services.a.x-nest.services.b.ports[1].target: expected an integer, got "http"',
    ]);
  });
});
