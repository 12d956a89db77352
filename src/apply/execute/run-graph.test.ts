import { describe, expect, it } from 'vitest';
import { runGraph } from './run-graph.js';

interface Node {
  id: string;
  after: string[];
}

const n = (id: string, ...after: string[]): Node => ({ id, after });
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('runGraph', () => {
  it('starts a node only after every node it comes after has finished', async () => {
    const order: string[] = [];
    const nodes = [n('c', 'a', 'b'), n('b', 'a'), n('a'), n('d')];
    const r = await runGraph(
      nodes,
      4,
      async (x) => {
        order.push(`start ${x.id}`);
        await tick();
        order.push(`end ${x.id}`);
      },
      () => {},
    );
    expect(r.failed).toBe(false);
    expect(order.indexOf('start b')).toBeGreaterThan(order.indexOf('end a'));
    expect(order.indexOf('start c')).toBeGreaterThan(order.indexOf('end b'));
    // Independent nodes run together.
    expect(order.slice(0, 2).sort()).toEqual(['start a', 'start d']);
  });

  it('ignores edges to nodes outside the graph', async () => {
    const ran: string[] = [];
    await runGraph(
      [n('a', 'gone')],
      1,
      async (x) => void ran.push(x.id),
      () => {},
    );
    expect(ran).toEqual(['a']);
  });

  it('after a failure starts nothing new and reports the rest as skipped', async () => {
    const ran: string[] = [];
    const skipped: string[] = [];
    const r = await runGraph(
      [n('a'), n('b'), n('c', 'a'), n('d')],
      1,
      async (x) => {
        ran.push(x.id);
        if (x.id === 'a') throw new Error('no');
      },
      (x) => skipped.push(x.id),
    );
    expect(r.failed).toBe(true);
    expect(ran).toEqual(['a']);
    expect(skipped).toEqual(['b', 'c', 'd']);
  });

  it('with keepGoing skips only what comes after the failed node, directly or not', async () => {
    const ran: string[] = [];
    const skipped: string[] = [];
    const r = await runGraph(
      [n('a'), n('b'), n('c', 'a'), n('e', 'c'), n('d', 'b')],
      1,
      async (x) => {
        ran.push(x.id);
        if (x.id === 'a') throw new Error('no');
      },
      (x) => skipped.push(x.id),
      { keepGoing: true },
    );
    expect(r.failed).toBe(true);
    expect(ran).toEqual(['a', 'b', 'd']);
    expect(skipped).toEqual(['c', 'e']);
  });

  it('starts a node that comes after another one’s release before that one finishes', async () => {
    const order: string[] = [];
    const nodes = [
      { id: 'db', after: [], afterReleased: ['app'] },
      { id: 'net', after: ['app', 'db'] },
      { id: 'app', after: [] },
    ];
    const r = await runGraph(
      nodes,
      4,
      async (x, release) => {
        order.push(`start ${x.id}`);
        await tick();
        if (x.id === 'app') {
          order.push('release app');
          release();
          await tick();
          await tick();
        }
        order.push(`end ${x.id}`);
      },
      () => {},
    );
    expect(r.failed).toBe(false);
    // db starts once app is released, while app still runs; net waits for both to end.
    expect(order.indexOf('start db')).toBeGreaterThan(order.indexOf('release app'));
    expect(order.indexOf('start db')).toBeLessThan(order.indexOf('end app'));
    expect(order.indexOf('start net')).toBeGreaterThan(order.indexOf('end app'));
    expect(order.indexOf('start net')).toBeGreaterThan(order.indexOf('end db'));
  });

  it('counts finishing as releasing, and skips what waits on the release of a failed node', async () => {
    const ran: string[] = [];
    const skipped: string[] = [];
    await runGraph(
      [
        { id: 'a', after: [] },
        { id: 'b', after: [], afterReleased: ['a'] },
        { id: 'c', after: [] },
        { id: 'd', after: [], afterReleased: ['c'] },
      ],
      1,
      async (x) => {
        ran.push(x.id);
        if (x.id === 'c') throw new Error('no');
      },
      (x) => skipped.push(x.id),
      { keepGoing: true },
    );
    expect(ran).toEqual(['a', 'c', 'b']);
    expect(skipped).toEqual(['d']);
  });

  it('runs first, of the ready nodes, the one with the longest chain waiting on it', async () => {
    const ran: string[] = [];
    // a and b are ready at once; b starts the chain b → c → d, a is alone.
    await runGraph(
      [n('a'), n('b'), n('c', 'b'), n('d', 'c'), n('e')],
      1,
      async (x) => void ran.push(x.id),
      () => {},
    );
    // After c, a, d and e each end a chain of one: the given order decides.
    expect(ran).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  it('treats a parallelism below 1 as 1', async () => {
    let inFlight = 0;
    let max = 0;
    await runGraph(
      [n('a'), n('b'), n('c')],
      0,
      async () => {
        max = Math.max(max, ++inFlight);
        await tick();
        inFlight--;
      },
      () => {},
    );
    expect(max).toBe(1);
  });
});
