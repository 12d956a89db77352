import { describe, expect, it } from 'vitest';
import { getKeyLoc, getLoc } from '../../model/locations.js';
import { checkCycles } from './cycles.js';
import { rewriteServiceRefs } from './service-refs.js';
import { buildTree, type NodeSpec } from './test-tree.js';
import { addWaitDependencies } from './wait.js';

/** The three stages in pipeline order. */
function run(t: ReturnType<typeof buildTree>): void {
  rewriteServiceRefs(t.root, t.ctx);
  addWaitDependencies(t.root, t.ctx);
  checkCycles(t.root, t.ctx);
}

/** `a` and `b` (and `c`) wait for each other, two levels down (`agent/runner/…`). */
function twoDown(order: 'name' | 'reverse', deps: string[]): ReturnType<typeof buildTree> {
  const inner: Record<string, NodeSpec> = {
    b: { service: { depends_on: ['a'] } },
    a: { service: { depends_on: deps } },
    c: { service: { depends_on: ['a'] } },
  };
  return buildTree({ agent: { services: { runner: { services: inner } } } }, { scopeOrder: order });
}

describe('checkCycles', () => {
  it('reports a cycle two levels down by nest paths, at the first edge', () => {
    const t = twoDown('name', ['b']);
    const first = getKeyLoc(t.node('agent/runner/a').service.depends_on!, 'b');
    const second = getKeyLoc(t.node('agent/runner/b').service.depends_on!, 'a');
    run(t);
    expect(t.diags.items).toHaveLength(1);
    const d = t.diags.items[0]!;
    expect(d.code).toBe('nest-dependency-cycle');
    expect(d.summary).toBe('dependency cycle: agent/runner/a → agent/runner/b → agent/runner/a');
    expect(d.loc).toEqual(first);
    expect(d.related).toEqual([
      { message: 'agent/runner/a depends on agent/runner/b (depends_on)', loc: first },
      { message: 'agent/runner/b depends on agent/runner/a (depends_on)', loc: second },
    ]);
  });

  it('prints the same cycle whatever the order of scopes and depends_on keys', () => {
    const a = twoDown('name', ['b', 'c']);
    const b = twoDown('reverse', ['c', 'b']);
    run(a);
    run(b);
    expect(b.diags.items.map((d) => d.summary)).toEqual(a.diags.items.map((d) => d.summary));
    expect(a.diags.items.map((d) => d.summary)).toEqual([
      'dependency cycle: agent/runner/a → agent/runner/b → agent/runner/a',
    ]);
  });

  it('reports each separate cycle once, first nest path first', () => {
    const t = buildTree({
      y: { service: { depends_on: ['x'] } },
      x: { service: { links: ['y'] } },
      q: { service: { depends_on: ['p'] } },
      p: { service: { depends_on: ['r'] } },
      r: { service: { volumes_from: ['q:ro'] } },
    });
    run(t);
    expect(t.diags.items.map((d) => d.summary)).toEqual([
      'dependency cycle: p → r → q → p',
      'dependency cycle: x → y → x',
    ]);
  });

  it('locates a link edge at the link, not at the depends_on entry it implied', () => {
    const t = buildTree({ x: { service: { links: ['y'] } }, y: { service: { links: ['x'] } } });
    const loc = getLoc(t.node('x').service.links as string[], 0);
    run(t);
    expect(t.diags.items[0]!.loc).toEqual(loc);
    expect(t.diags.items[0]!.related![0]!.message).toBe('x links to y (links)');
  });

  it('reports a service that waits for itself', () => {
    const t = buildTree({ agent: { services: { a: { service: { network_mode: 'service:a' } } } } });
    const loc = getLoc(t.node('agent/a').service, 'network_mode');
    run(t);
    expect(t.diags.items.map((d) => [d.code, d.summary, d.loc])).toEqual([
      ['nest-dependency-cycle', 'dependency cycle: agent/a → agent/a', loc],
    ]);
  });

  it('includes a parent waiting for its children, located at its x-nest key', () => {
    // References never cross scopes, so this shape cannot come from a nestfile; the edge is
    // written flat by hand to show how a wait edge is reported.
    const t = buildTree({ agent: { services: { db: {} } } });
    addWaitDependencies(t.root, t.ctx);
    t.node('agent/db').service.depends_on = { agent: { condition: 'service_started' } };
    checkCycles(t.root, t.ctx);
    const d = t.diags.items[0]!;
    expect(d.summary).toBe('dependency cycle: agent → agent/db → agent');
    expect(d.loc).toEqual(t.node('agent').nest!.loc);
    expect(d.related![0]!.message).toBe('agent waits for its child agent/db (x-nest.wait)');
  });

  it('accepts a graph without cycles', () => {
    const t = buildTree({
      web: { service: { depends_on: ['api'] } },
      api: { service: { depends_on: ['agent'] } },
      agent: { services: { db: {}, tests: { service: { depends_on: ['db'] } } } },
    });
    run(t);
    expect(t.diags.items).toEqual([]);
  });
});
