import { describe, expect, it } from 'vitest';

import { validateYaml, y } from '../../test/support/validate-yaml.js';

describe('validateSchema: x-nest', () => {
  it('accepts the example of the nestfile contract', () => {
    const text = y([
      'name: ci',
      'services:',
      '  agent:',
      '    image: example/ci-agent',
      '    working_dir: /workspace',
      '    environment: { CI_TOKEN: "abc" }',
      '    volumes:',
      '      - ./repo:/workspace',
      '      - ./cache:/cache:ro',
      '    x-nest:',
      '      file: ci/compose.test.yml',
      '      working_dir: /workspace/ci',
      '      socket: none',
      '      wait: started',
      '      services:',
      '        db:',
      '          image: postgres:16',
      '          ports: ["5432:5432"]',
      '        tests:',
      '          image: node:22',
      '          volumes: ["./app:/app", "/cache:/cache"]',
      '          depends_on: [db]',
      '          environment: { DB_HOST: db }',
      '      networks: {}',
      '      volumes: {}',
    ]);
    expect(validateYaml(text)).toEqual({ ok: true, diags: [] });
  });

  it('validates inner services at any depth, as full services', () => {
    const text = y([
      'services:',
      '  jenkins:',
      '    image: jenkins',
      '    x-nest:',
      '      socket: host',
      '      wait: healthy',
      '      services:',
      '        agent:',
      '          image: agent',
      '          x-nest:',
      '            configs: { cfg: { file: ./c.txt } }',
      '            secrets: { tok: { environment: TOKEN } }',
      '            services:',
      '              build:',
      '                image: [node]',
      '                portz: []',
      '                x-nest:',
      '                  wait: sometimes',
    ]);
    const { diags } = validateYaml(text);
    const base = 'services.jenkins.x-nest.services.agent.x-nest.services.build';
    expect(diags.map((d) => [d.code, d.summary, d.loc?.line])).toEqual([
      ['schema-type', `${base}.image: expected a string, got a list`, 15],
      ['schema-unknown-key', `${base}: unknown key "portz" (did you mean "ports"?)`, 16],
      [
        'schema-enum',
        `${base}.x-nest.wait: must be one of "started", "healthy", "none" (got "sometimes")`,
        18,
      ],
    ]);
  });

  it('rejects a scoped socket as not supported yet', () => {
    const text = y([
      'services:',
      '  agent:',
      '    image: a',
      '    x-nest:',
      '      socket: scoped',
    ]);
    const { diags } = validateYaml(text);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({
      code: 'nest-socket-unsupported',
      summary: 'services.agent.x-nest.socket: `scoped` is not supported yet; use `none` or `host`',
      loc: { line: 5, col: 15 },
    });
    expect(diags[0]?.hint).toMatch(/planned/);
  });

  it('rejects any other socket value with the same code', () => {
    const text = y(['services:', '  agent:', '    image: a', '    x-nest: { socket: docker }']);
    expect(validateYaml(text).diags[0]).toMatchObject({
      code: 'nest-socket-unsupported',
      summary: 'services.agent.x-nest.socket: `docker` is not supported; use `none` or `host`',
    });
  });

  it('allows no other keys in x-nest, not even x- keys', () => {
    const text = y([
      'services:',
      '  agent:',
      '    image: a',
      '    x-nest:',
      '      include: [a.yml]',
      '      x-extra: 1',
    ]);
    const { diags } = validateYaml(text);
    expect(diags.map((d) => d.summary)).toEqual([
      'services.agent.x-nest: unknown key "include"',
      'services.agent.x-nest: unknown key "x-extra"',
    ]);
    expect(diags[0]?.hint).toMatch(/`file`.*`wait`/);
  });

  it('checks the types of file and working_dir', () => {
    const text = y([
      'services:',
      '  agent:',
      '    image: a',
      '    x-nest: { file: [a], working_dir: 1 }',
    ]);
    expect(validateYaml(text).diags.map((d) => d.summary)).toEqual([
      'services.agent.x-nest.file: expected a string, got a list',
      'services.agent.x-nest.working_dir: expected a string, got 1',
    ]);
  });
});
