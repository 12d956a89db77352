import { describe, expect, it } from 'vitest';
import { makeCaller } from './engine-call.js';
import { EngineError } from './engine-error.js';
import { EngineStats } from './engine-stats.js';

function setup(ready?: () => Promise<void>) {
  const lines: string[] = [];
  const stats = new EngineStats();
  const call = makeCaller({
    address: 'unix:///var/run/docker.sock',
    logger: { debug: (m) => lines.push(m) },
    stats,
    ...(ready ? { ready } : {}),
  });
  return { lines, stats, call };
}

describe('makeCaller', () => {
  it('counts writes and reads apart, by operation', async () => {
    const { stats, call } = setup();
    await call({ op: 'container.list' }, async () => []);
    await call({ op: 'container.create', target: 'web-1' }, async () => 'id');
    await call({ op: 'container.start', target: 'web-1' }, async () => undefined);
    expect(stats.snapshot()).toEqual({
      reads: 1,
      writes: 2,
      readsByOp: { 'container.list': 1 },
      writesByOp: { 'container.create': 1, 'container.start': 1 },
    });
  });

  it('counts a write the engine refused', async () => {
    const { stats, call } = setup();
    await expect(
      call({ op: 'network.create', target: 'n' }, async () => {
        throw Object.assign(new Error('x'), {
          statusCode: 409,
          json: { message: 'network with name n already exists' },
        });
      }),
    ).rejects.toBeInstanceOf(EngineError);
    expect(stats.writes).toBe(1);
  });

  it('logs before and after each call', async () => {
    const { lines, call } = setup();
    await call({ op: 'container.start', target: 'web-1' }, async () => undefined);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('engine → starting container "web-1"');
    expect(lines[1]).toMatch(/^engine ← starting container "web-1": ok \(\d+ ms\)$/);
  });

  it('logs and throws a failure as a typed EngineError', async () => {
    const { lines, call } = setup();
    const err = await call({ op: 'container.list' }, async () => {
      throw Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('engine-unreachable');
    expect(lines[1]).toMatch(/^engine ← listing containers: engine-unreachable/);
  });

  it('waits for version negotiation before every call but a ping', async () => {
    const order: string[] = [];
    const { call } = setup(async () => {
      order.push('ready');
    });
    await call({ op: 'system.ping' }, async () => order.push('ping'));
    await call({ op: 'image.list' }, async () => order.push('images'));
    expect(order).toEqual(['ping', 'ready', 'images']);
  });
});
