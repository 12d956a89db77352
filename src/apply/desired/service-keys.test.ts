import { describe, expect, it } from 'vitest';
import { desiredOf, positionOf } from './test-compile.js';

describe('settings nestc does not apply', () => {
  it('refuses an unsupported key with an error at the key, naming the service by nest path', () => {
    const yaml = `
name: demo
services:
  agent:
    image: x
    x-nest:
      services:
        app:
          image: x
          platform: linux/arm64
`;
    const r = desiredOf(yaml);
    expect(r.state).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('apply-unsupported');
    expect(errors[0]?.summary).toMatch(/^services\.agent\/app\.platform: /);
    expect(errors[0]?.loc?.file).toBe(r.file);
    expect(errors[0]?.loc).toMatchObject(positionOf(yaml, 'platform:'));
  });

  it('reports each problem of a scaled service once, not once per replica', () => {
    const r = desiredOf(`
name: demo
services:
  web: { image: x, scale: 3, post_start: [{ command: echo }] }
`);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['apply-unsupported']);
  });

  it('refuses unsupported nested settings at their key', () => {
    const yaml = `
name: demo
services:
  web:
    image: x
    networks:
      default: { gw_priority: 1 }
`;
    const r = desiredOf(yaml);
    const d = r.diagnostics.find((x) => x.code === 'apply-unsupported');
    expect(d?.summary).toMatch(/^services\.web\.networks\.default\.gw_priority: /);
    expect(d?.loc).toMatchObject(positionOf(yaml, 'gw_priority'));
  });

  it('warns about swarm-only deploy settings and keeps the state', () => {
    const yaml = `
name: demo
services:
  web:
    image: x
    deploy:
      mode: replicated
      placement: { constraints: [node.role==manager] }
`;
    const r = desiredOf(yaml);
    expect(r.state).toBeDefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'apply-ignored', severity: 'warning' });
    expect(r.diagnostics[0]?.summary).toMatch(/^services\.web\.deploy\.placement: /);
    expect(r.diagnostics[0]?.loc).toMatchObject(positionOf(yaml, 'placement'));
  });

  it('refuses a value the engine cannot read, at the value', () => {
    const yaml = `
name: demo
services:
  web:
    image: x
    shm_size: lots
`;
    const r = desiredOf(yaml);
    expect(r.state).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'apply-invalid-value', severity: 'error' });
    expect(r.diagnostics[0]?.summary).toBe(
      'services.web.shm_size: "lots" is not a size (write e.g. 64m, 1g or 1048576)',
    );
    expect(r.diagnostics[0]?.loc).toMatchObject(positionOf(yaml, 'shm_size'));
  });

  it('ignores x- extensions, as Compose does', () => {
    const yaml = `
name: demo
services:
  web: { image: x, networks: [back] }
networks:
  back: { x-meta: 1, driver: bridge }
`;
    expect(desiredOf(yaml).diagnostics).toEqual([]);
  });
});
