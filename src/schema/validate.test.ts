import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../diag/diagnostic.js';
import { validateSchema } from './validate.js';
import { SCHEMA_CODES } from '../diag/codes/schema.js';

import { validateYaml, y } from '../../test/support/validate-yaml.js';

describe('validateSchema', () => {
  it('accepts a minimal file', () => {
    expect(validateYaml('services:\n  web:\n    image: nginx\n')).toEqual({ ok: true, diags: [] });
  });

  it('reports an unknown key at the key, with the closest known key', () => {
    const { ok, diags } = validateYaml(y(['services:', '  web:', '    imagee: nginx']));
    expect(ok).toBe(false);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'schema-unknown-key',
      severity: 'error',
      summary: 'services.web: unknown key "imagee" (did you mean "image"?)',
      loc: { file: 'compose.yaml', line: 3, col: 5 },
    });
  });

  it('suggests nothing for a key unlike any other, and says how to write a custom key', () => {
    const { diags } = validateYaml(y(['services:', '  web:', '    image: a', '    colour: red']));
    expect(diags[0]?.summary).toBe('services.web: unknown key "colour"');
    expect(diags[0]?.hint).toMatch(/x-/);
  });

  it('names an unknown top-level key as such', () => {
    const { diags } = validateYaml(y(['service:', '  web:', '    image: a']));
    expect(diags[0]?.summary).toBe('unknown top-level key "service" (did you mean "services"?)');
    expect(diags[0]?.loc).toMatchObject({ line: 1, col: 1 });
  });

  it('allows x- extension keys where Compose does', () => {
    const text = y([
      'x-common: &common',
      '  restart: always',
      'services:',
      '  web:',
      '    image: a',
      '    x-team: payments',
      '    ports:',
      '      - target: 80',
      '        x-note: public',
      'networks:',
      '  front:',
      '    x-owner: me',
    ]);
    expect(validateYaml(text)).toEqual({ ok: true, diags: [] });
  });

  it('reports a wrong type at the value, naming the accepted types', () => {
    const { diags } = validateYaml(
      y(['services:', '  web:', '    image: a', '    mem_limit: [1g]']),
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'schema-type',
      summary: 'services.web.mem_limit: expected a string or a number, got a list',
      loc: { line: 4, col: 16 },
    });
  });

  it('reports a value outside an enum with the allowed values', () => {
    const { diags } = validateYaml(
      y(['services:', '  web:', '    image: a', '    restart: sometimes']),
    );
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'schema-enum',
      summary:
        'services.web.restart: must be one of "no", "always", "on-failure", "unless-stopped" (got "sometimes")',
      loc: { line: 4, col: 14 },
    });
  });

  it('accepts every restart policy, with a retry count', () => {
    for (const r of ['"no"', 'always', 'on-failure', 'on-failure:3', 'unless-stopped']) {
      expect(validateYaml(`services:\n  web:\n    image: a\n    restart: ${r}\n`).ok).toBe(true);
    }
  });

  it('reports a published port out of range on the port entry, pointing at the number', () => {
    const text = y([
      'services:',
      '  web:',
      '    image: a',
      '    ports:',
      '      - target: 80',
      '        published: 70000',
    ]);
    const { diags } = validateYaml(text);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'schema-range',
      summary: 'services.web.ports[0]: published port 70000 is out of range 1–65535',
      loc: { line: 6, col: 20 },
    });
  });

  it('checks target ports and numeric short ports, and accepts published strings', () => {
    const text = y([
      'services:',
      '  web:',
      '    image: a',
      '    ports:',
      '      - target: 0',
      '      - 65536',
      '      - { target: 80, published: "8000-8010" }',
      '      - { target: "${PORT}", published: 8080 }',
    ]);
    const { diags } = validateYaml(text);
    expect(diags.map((d) => d.summary)).toEqual([
      'services.web.ports[0]: target port 0 is out of range 1–65535',
      'services.web.ports[1]: port 65536 is out of range 1–65535',
    ]);
  });

  it('reports both ports of one entry when both are out of range', () => {
    const text = y([
      'services:',
      '  web:',
      '    image: a',
      '    ports: [{ target: 0, published: 70000 }]',
    ]);
    expect(validateYaml(text).diags.map((d) => d.summary)).toEqual([
      'services.web.ports[0]: target port 0 is out of range 1–65535',
      'services.web.ports[0]: published port 70000 is out of range 1–65535',
    ]);
  });

  describe('alternatives (anyOf/oneOf)', () => {
    it('explains the form whose type matches, not every form', () => {
      const text = y([
        'services:',
        '  web:',
        '    image: a',
        '    depends_on:',
        '      db:',
        '        conditon: service_healthy',
      ]);
      const { diags } = validateYaml(text);
      expect(diags.map((d) => [d.code, d.summary])).toEqual([
        ['schema-required', 'services.web.depends_on.db: missing required key "condition"'],
        [
          'schema-unknown-key',
          'services.web.depends_on.db: unknown key "conditon" (did you mean "condition"?)',
        ],
      ]);
    });

    it('goes down nested alternatives (a long volume inside a list of forms)', () => {
      const text = y([
        'services:',
        '  web:',
        '    image: a',
        '    volumes:',
        '      - type: bind',
        '        source: ./src',
        '        target: /src',
        '        bind:',
        '          selinux: x',
      ]);
      const { diags } = validateYaml(text);
      expect(diags).toHaveLength(1);
      expect(diags[0]).toMatchObject({
        code: 'schema-enum',
        summary: 'services.web.volumes[0].bind.selinux: must be one of "z", "Z" (got "x")',
        loc: { line: 9, col: 20 },
      });
    });

    it('names every accepted form when the value fits none of them', () => {
      const { diags } = validateYaml(y(['services:', '  web:', '    image: a', '    command: 42']));
      expect(diags).toHaveLength(1);
      expect(diags[0]).toMatchObject({
        code: 'schema-type',
        summary: 'services.web.command: expected a string, a list or null, got 42',
      });
    });

    it('reports one diagnostic per offending node', () => {
      const text = y(['services:', '  web:', '    image: a', '    environment: true']);
      const { diags } = validateYaml(text);
      expect(diags).toHaveLength(1);
      expect(diags[0]?.summary).toBe(
        'services.web.environment: expected a list or a mapping, got true',
      );
    });
  });

  it('merges the missing keys of one mapping', () => {
    const text = y(['services:', '  web:', '    image: a', '    ulimits:', '      nofile: {}']);
    expect(validateYaml(text).diags.map((d) => d.summary)).toEqual([
      'services.web.ulimits.nofile: missing required keys "soft" and "hard"',
    ]);
  });

  it('rejects a resource name Compose does not allow', () => {
    const text = y(['services:', '  "my web":', '    image: a']);
    expect(validateYaml(text).diags[0]).toMatchObject({
      code: 'schema-name',
      loc: { line: 2, col: 3 },
    });
  });

  it('reports a duplicate list entry at the second one', () => {
    const text = y(['services:', '  web:', '    image: a', '    cap_add: [NET_ADMIN, NET_ADMIN]']);
    expect(validateYaml(text).diags[0]).toMatchObject({
      code: 'schema-duplicate',
      summary: 'services.web.cap_add[1]: the same entry as services.web.cap_add[0]',
    });
  });

  it('reports every mistake of a file in one run', () => {
    const text = y([
      'name: demo',
      'services:',
      '  web:',
      '    image: [nginx]',
      '    restrat: always',
      '    ports: ["80:80", {target: 80, published: 0}]',
      '  db:',
      '    image: postgres',
      '    healthcheck: { test: [CMD, pg_isready], retries: [3] }',
      '    cgroup: shared',
      'volumes:',
      '  data:',
      '    driver: local',
      '    lables: {}',
      'networks: []',
    ]);
    const { ok, diags } = validateYaml(text);
    expect(ok).toBe(false);
    expect(diags.map((d) => `${d.loc?.line} ${d.code} ${d.summary}`)).toEqual([
      '4 schema-type services.web.image: expected a string, got a list',
      '5 schema-unknown-key services.web: unknown key "restrat" (did you mean "restart"?)',
      '6 schema-range services.web.ports[1]: published port 0 is out of range 1–65535',
      '9 schema-type services.db.healthcheck.retries: expected a string or a number, got a list',
      '10 schema-enum services.db.cgroup: must be one of "host", "private" (got "shared")',
      '14 schema-unknown-key volumes.data: unknown key "lables" (did you mean "labels"?)',
      '15 schema-type networks: expected a mapping, got a list',
    ]);
  });

  it('uses only declared codes', () => {
    const text = y([
      'services:',
      '  a: { image: 1, imagee: x, restart: x, container_name: "-x", cpu_percent: 500 }',
      '  b: { image: x, depends_on: { a: {} }, cap_add: [X, X], x-nest: { socket: scoped } }',
    ]);
    const { diags } = validateYaml(text);
    expect(diags.length).toBeGreaterThanOrEqual(8);
    for (const d of diags) expect(Object.keys(SCHEMA_CODES)).toContain(d.code);
  });

  it('falls back to the file name for a document built in code', () => {
    const diags = new Diagnostics();
    expect(validateSchema({ services: { web: { image: 3 } } }, 'gen.yaml', diags)).toBe(false);
    expect(diags.items[0]).toMatchObject({
      summary: 'services.web.image: expected a string, got 3',
      loc: { file: 'gen.yaml', line: 1, col: 1 },
    });
  });

  it('quotes keys that are not plain in the path', () => {
    const { diags } = validateYaml(y(['services:', '  web.v2:', '    image: 3']));
    expect(diags[0]?.summary).toBe('services["web.v2"].image: expected a string, got 3');
  });
});
