import { describe, expect, it } from 'vitest';
import type { PortMapEntry } from '../types.js';
import { allocatePorts } from './allocate.js';
import { buildTree, nodeAt, testContext, TEST_FILE, type ScopeSpec } from './test-tree.js';

/** `nestPath#index published` per claim, the shape most tests assert. */
function brief(map: PortMapEntry[]): string[] {
  return map.map((e) => `${e.nestPath}#${e.index} ${e.published}`);
}

/** The example of docs/nestfile-ports.md: the root and two scopes each publish 8080. */
const threeWay: ScopeSpec = {
  services: {
    web: { image: 'nginx', ports: ['8080:80'] },
    ci: {
      image: 'agent',
      nest: { services: { app: { image: 'app', ports: ['8080:8080'] } } },
    },
    review: {
      image: 'agent',
      nest: { services: { app: { image: 'app', ports: ['8080:8080'] } } },
    },
  },
};

describe('allocatePorts', () => {
  it('keeps the first claim and moves later ones to the allocation range', () => {
    const root = buildTree(threeWay);
    const ctx = testContext();
    const map = allocatePorts(root, ctx);
    expect(ctx.diags.items).toEqual([]);
    expect(map).toEqual([
      expect.objectContaining({
        nestPath: 'web',
        service: 'web',
        published: '8080',
        written: '8080',
      }),
      expect.objectContaining({
        nestPath: 'ci/app',
        service: 'ci-app',
        index: 0,
        target: 8080,
        protocol: 'tcp',
        hostIp: '',
        written: '8080',
        published: '20000',
        reason: 'conflict with web ports[0] (8080/tcp)',
      }),
      expect.objectContaining({
        nestPath: 'review/app',
        published: '20001',
        reason: 'conflict with web ports[0] (8080/tcp)',
      }),
    ]);
    expect(map[0]).not.toHaveProperty('reason');
    expect(nodeAt(root, 'review/app').service.ports?.[0]?.published).toBe('20001');
  });

  it('gives the same result whatever the order of keys in the file', () => {
    const reversed: ScopeSpec = {
      services: {
        review: threeWay.services.review!,
        ci: threeWay.services.ci!,
        web: threeWay.services.web!,
      },
    };
    const strip = (m: PortMapEntry[]) => m.map(({ loc: _loc, ...rest }) => rest);
    const a = allocatePorts(buildTree(structuredClone(threeWay)), testContext());
    const b = allocatePorts(buildTree(structuredClone(reversed)), testContext());
    expect(strip(b)).toEqual(strip(a));
    expect(brief(a)).toEqual(['web#0 8080', 'ci/app#0 20000', 'review/app#0 20001']);
  });

  it('orders claims by depth before nest path', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', nest: { services: { db: { image: 'x', ports: ['5432:5432'] } } } },
        z: { image: 'x', ports: ['5432:5432'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual(['z#0 5432', 'a/db#0 20000']);
  });

  it('claims nothing for an entry without a host port', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['80', { target: 81, published: '', protocol: 'tcp' }] },
        b: { image: 'x', ports: ['80'] },
      },
    });
    expect(allocatePorts(root, testContext())).toEqual([]);
  });

  it('does not move claims on other protocols or on distinct specific addresses', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['127.0.0.1:8080:80'] },
        b: { image: 'x', ports: ['[::1]:8080:80'] },
        c: { image: 'x', ports: ['8080:80/udp'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual(['a#0 8080', 'b#0 8080', 'c#0 8080']);
  });

  it('moves a claim on all addresses that overlaps a specific one', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['127.0.0.1:8080:80'] },
        b: { image: 'x', ports: ['8080:80'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual(['a#0 8080', 'b#0 20000']);
  });

  it('moves a host range as one contiguous block of the same size', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['9005:80'] },
        b: { image: 'x', ports: ['9000-9010:80'] },
      },
    });
    const map = allocatePorts(root, testContext({ portRange: { from: 30000, to: 30100 } }));
    expect(brief(map)).toEqual(['a#0 9005', 'b#0 30000-30010']);
  });

  it('moves the entries of one written container range together', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['8001:80'] },
        b: { image: 'x', ports: ['8000-8002:80-82'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual([
      'a#0 8001',
      'b#0 20000',
      'b#1 20001',
      'b#2 20002',
    ]);
  });

  it('finds a block that fits the whole group, skipping claims made so far', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['8000:80', '20001:81'] },
        b: { image: 'x', ports: ['8000-8001:80-81'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual([
      'a#0 8000',
      'a#1 20001',
      'b#0 20002',
      'b#1 20003',
    ]);
  });

  it('moves the tcp and udp halves of one mapping together', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['53:53/tcp'] },
        dns: { image: 'x', ports: ['53:53/tcp', '53:53/udp'] },
      },
    });
    const map = allocatePorts(root, testContext());
    expect(brief(map)).toEqual(['a#0 53', 'dns#0 20000', 'dns#1 20000']);
    expect(map[2]?.reason).toBe('conflict with a ports[0] (53/tcp)');
  });

  it('lists the port map in entry order when the halves of a mapping are apart', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['53:53/tcp'] },
        dns: { image: 'x', ports: ['53:53/tcp', '8053:8053', '53:53/udp'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual([
      'a#0 53',
      'dns#0 20000',
      'dns#1 8053',
      'dns#2 20000',
    ]);
  });

  it('moves a group to a block free for every protocol of it', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['53:53/tcp', '20000:1/udp'] },
        dns: { image: 'x', ports: ['53:53/udp', '53:53/tcp'] },
      },
    });
    expect(brief(allocatePorts(root, testContext()))).toEqual([
      'a#0 53',
      'a#1 20000',
      'dns#0 20001',
      'dns#1 20001',
    ]);
  });

  it('gives a moved claim the port it had last time when that is free', () => {
    const root = buildTree(threeWay);
    const previousPorts = new Map([
      ['review/app#0', '20007'],
      ['web#0', '9999'],
    ]);
    const map = allocatePorts(root, testContext({ previousPorts }));
    expect(brief(map)).toEqual(['web#0 8080', 'ci/app#0 20000', 'review/app#0 20007']);
    expect(map[2]?.reason).toBe(
      'conflict with web ports[0] (8080/tcp); given the port it had last time',
    );
  });

  it('ignores last time’s port when a claim made before it holds it now', () => {
    const root = buildTree(threeWay);
    const previousPorts = new Map([['review/app#0', '20000']]);
    const map = allocatePorts(root, testContext({ previousPorts }));
    expect(brief(map)).toEqual(['web#0 8080', 'ci/app#0 20000', 'review/app#0 20001']);
    expect(map[2]?.reason).toBe('conflict with web ports[0] (8080/tcp)');
  });

  it('with strict ports, reports each conflict naming both claimants and moves nothing', () => {
    const root = buildTree(threeWay);
    const ctx = testContext({ strictPorts: true });
    const map = allocatePorts(root, ctx);
    expect(brief(map)).toEqual(['web#0 8080', 'ci/app#0 8080', 'review/app#0 8080']);
    const errors = ctx.diags.items;
    expect(errors.map((d) => [d.code, d.severity, d.loc?.line])).toEqual([
      ['nest-port-conflict', 'error', map[1]?.loc?.line],
      ['nest-port-conflict', 'error', map[2]?.loc?.line],
    ]);
    expect(errors[0]?.loc?.file).toBe(TEST_FILE);
    expect(errors[0]?.summary).toBe(
      'services.ci/app.ports[0]: 8080/tcp is already published by web ports[0] (8080/tcp)',
    );
    expect(errors[0]?.related?.[0]?.loc).toEqual(map[0]?.loc);
  });

  it('reports a conflict that finds no room left in the allocation range', () => {
    const root = buildTree(threeWay);
    const ctx = testContext({ portRange: { from: 20000, to: 20000 } });
    const map = allocatePorts(root, ctx);
    expect(brief(map)).toEqual(['web#0 8080', 'ci/app#0 20000', 'review/app#0 8080']);
    expect(ctx.diags.items).toHaveLength(1);
    const [d] = ctx.diags.items;
    expect(d?.code).toBe('nest-port-range-exhausted');
    expect(d?.loc).toEqual(map[2]?.loc);
    expect(d?.summary).toContain('no free port is left in 20000-20000');
  });

  it('reports a range group wider than the room left', () => {
    const root = buildTree({
      services: {
        a: { image: 'x', ports: ['9000:80'] },
        b: { image: 'x', ports: ['9000-9002:80'] },
      },
    });
    const ctx = testContext({ portRange: { from: 20000, to: 20001 } });
    allocatePorts(root, ctx);
    expect(ctx.diags.items.map((d) => d.code)).toEqual(['nest-port-range-exhausted']);
    expect(ctx.diags.items[0]?.summary).toContain('no free block of 3 ports');
  });

  it('rejects a fixed host port on a service with more than one replica', () => {
    const root = buildTree({
      services: {
        api: { image: 'x', scale: 3, ports: ['8080:80', '9000-9009:81', '82'] },
        worker: { image: 'x', deploy: { replicas: 2 }, ports: ['7000-7001:70-71'] },
      },
    });
    const ctx = testContext();
    const map = allocatePorts(root, ctx);
    expect(ctx.diags.items.map((d) => [d.code, d.loc?.line])).toEqual([
      ['nest-port-fixed-with-replicas', map[0]?.loc?.line],
      ['nest-port-fixed-with-replicas', map[2]?.loc?.line],
    ]);
    expect(ctx.diags.items[0]?.summary).toBe(
      'services.api.ports[0]: 3 replicas cannot all bind the fixed host port 8080/tcp',
    );
  });

  it('allows one replica with a fixed port', () => {
    const root = buildTree({ services: { api: { image: 'x', scale: 1, ports: ['8080:80'] } } });
    const ctx = testContext();
    allocatePorts(root, ctx);
    expect(ctx.diags.items).toEqual([]);
  });

  it('points each entry at its written position', () => {
    const root = buildTree(threeWay);
    const map = allocatePorts(root, testContext());
    const lines = map.map((e) => e.loc?.line);
    expect(new Set(lines).size).toBe(3);
    expect(map.every((e) => e.loc?.file === TEST_FILE)).toBe(true);
  });
});
