import { describe, expect, it } from 'vitest';
import { allocatePorts } from './allocate.js';
import { buildTree, testContext } from './test-tree.js';

const tree = () =>
  buildTree({
    services: {
      web: { image: 'nginx', ports: ['127.0.0.1:8080:80'] },
      ci: { image: 'agent', nest: { services: { app: { image: 'app', ports: ['9000:9000'] } } } },
    },
  });

describe('ports held by containers outside the project (at up)', () => {
  it('a nested claim moves off a port a foreign container holds', () => {
    const ctx = testContext({
      foreignPorts: [{ hostIp: '0.0.0.0', port: 9000, protocol: 'tcp', owner: 'other-app-1' }],
    });
    const map = allocatePorts(tree(), ctx);
    expect(ctx.diags.items).toEqual([]);
    const app = map.find((e) => e.nestPath === 'ci/app')!;
    expect(app.published).toBe('20000');
    expect(app.reason).toContain('container "other-app-1"');
  });

  it('a root claim on a port a foreign container holds is an error at the entry', () => {
    const ctx = testContext({
      foreignPorts: [{ hostIp: '', port: 8080, protocol: 'tcp', owner: 'other-web-1' }],
    });
    allocatePorts(tree(), ctx);
    expect(ctx.diags.items.map((d) => [d.code, d.loc?.line])).toEqual([
      ['nest-port-held-outside', expect.any(Number)],
    ]);
    expect(ctx.diags.items[0]!.hint).toContain('other-web-1');
  });

  it('a foreign port on another address or protocol takes nothing', () => {
    const ctx = testContext({
      foreignPorts: [
        { hostIp: '127.0.0.2', port: 8080, protocol: 'tcp', owner: 'x' },
        { hostIp: '', port: 9000, protocol: 'udp', owner: 'y' },
      ],
    });
    const map = allocatePorts(tree(), ctx);
    expect(ctx.diags.items).toEqual([]);
    expect(map.map((e) => e.published)).toEqual(['8080', '9000']);
  });
});
