import { describe, expect, it } from 'vitest';
import { reconcile } from '../apply/reconcile/reconcile.js';
import { applied, desiredState, leftover } from '../apply/reconcile/reconcile-test-state.js';
import { planJson, planJsonText } from './plan-json.js';

describe('planJson', () => {
  it('lists every object with its action, reasons and order, and counts them', () => {
    const desired = desiredState({
      volumes: ['data'],
      services: [{ name: 'db', path: 'agent/db', volumes: ['data'] }],
      ports: [
        {
          nestPath: 'agent/db',
          service: 'db',
          index: 0,
          protocol: 'tcp',
          hostIp: '',
          target: 5432,
          written: '5432',
          published: '5432',
        },
      ],
    });
    const observed = applied(desiredState({ volumes: ['data'], services: [] }));
    leftover(observed, 'ci', 'old');
    const { plan } = reconcile(desired, observed, { removeOrphans: true });
    expect(planJson(plan!)).toEqual({
      format_version: '1',
      project: 'ci',
      resource_changes: [
        {
          address: 'network:ci_default',
          kind: 'network',
          name: 'ci_default',
          nest_path: null,
          key: 'default',
          action: 'unchanged',
          reasons: [],
          after: [],
        },
        {
          address: 'volume:ci_data',
          kind: 'volume',
          name: 'ci_data',
          nest_path: null,
          key: 'data',
          action: 'unchanged',
          reasons: [],
          after: [],
        },
        {
          address: 'container:ci-db-1',
          kind: 'container',
          name: 'ci-db-1',
          nest_path: 'agent/db',
          key: null,
          action: 'create',
          reasons: [],
          after: [],
        },
        {
          address: 'container:ci-old-1',
          kind: 'container',
          name: 'ci-old-1',
          nest_path: 'old',
          key: null,
          action: 'remove',
          reasons: ['orphan'],
          after: [],
        },
      ],
      ports: [
        {
          nest_path: 'agent/db',
          service: 'db',
          index: 0,
          protocol: 'tcp',
          host_ip: '',
          target: 5432,
          written: '5432',
          published: '5432',
          reason: null,
        },
      ],
      summary: { create: 1, replace: 0, start: 0, remove: 1, unchanged: 2 },
    });
    expect(planJsonText(plan!)).toMatch(/^\{\n {2}"format_version": "1",\n[^]*\}\n$/);
  });
});
