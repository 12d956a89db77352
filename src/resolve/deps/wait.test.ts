import { describe, expect, it } from 'vitest';
import { isWritten } from '../../model/locations.js';
import { buildTree, type NodeSpec } from './test-tree.js';
import { addWaitDependencies, hasDeclaredHealthcheck } from './wait.js';

const children: Record<string, NodeSpec> = {
  db: { service: { healthcheck: { test: ['CMD', 'pg_isready'] } } },
  web: {},
  worker: { services: { job: {} } },
};

function depsOfAgent(wait: 'started' | 'healthy' | 'none') {
  const t = buildTree({ agent: { nest: { wait }, services: children } });
  addWaitDependencies(t.root, t.ctx);
  return { t, deps: t.node('agent').service.depends_on };
}

describe('addWaitDependencies', () => {
  it('started: the parent depends on each direct child being started', () => {
    const { t, deps } = depsOfAgent('started');
    expect(deps).toEqual({
      'agent-db': { condition: 'service_started', required: true },
      'agent-web': { condition: 'service_started', required: true },
      'agent-worker': { condition: 'service_started', required: true },
    });
    // A grandchild is its own parent's business.
    expect(t.node('agent/worker').service.depends_on).toEqual({
      'agent-worker-job': { condition: 'service_started', required: true },
    });
    // Derived, not written: no position.
    expect(isWritten(deps!, 'agent-db')).toBe(false);
  });

  it('healthy: service_healthy only for children with a healthcheck in the nestfile', () => {
    const { deps } = depsOfAgent('healthy');
    expect(deps).toEqual({
      'agent-db': { condition: 'service_healthy', required: true },
      'agent-web': { condition: 'service_started', required: true },
      'agent-worker': { condition: 'service_started', required: true },
    });
  });

  it('none: the parent does not wait', () => {
    const { deps } = depsOfAgent('none');
    expect(deps).toBeUndefined();
  });

  it('keeps the parent’s own dependencies next to the added ones', () => {
    const t = buildTree({
      cache: {},
      agent: { service: { depends_on: ['cache'] }, services: { db: {} } },
    });
    addWaitDependencies(t.root, t.ctx);
    expect(Object.keys(t.node('agent').service.depends_on!)).toEqual(['cache', 'agent-db']);
    expect(isWritten(t.node('agent').service.depends_on!, 'cache')).toBe(true);
  });
});

describe('hasDeclaredHealthcheck', () => {
  it('counts a written test that is not disabled', () => {
    expect(hasDeclaredHealthcheck({ test: ['CMD-SHELL', 'true'] })).toBe(true);
  });

  it('does not count disable: true, test NONE, or a check without test', () => {
    expect(hasDeclaredHealthcheck({ test: ['CMD', 'true'], disable: true })).toBe(false);
    expect(hasDeclaredHealthcheck({ test: ['NONE'] })).toBe(false);
    expect(hasDeclaredHealthcheck({ interval: '5s' })).toBe(false);
    expect(hasDeclaredHealthcheck(undefined)).toBe(false);
  });
});
