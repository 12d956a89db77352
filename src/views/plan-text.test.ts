import { describe, expect, it } from 'vitest';
import type { Operation, Plan } from '../apply/types.js';
import { planText } from './plan-text.js';

function op(action: Operation['action'], name: string, causes: string[] = []): Operation {
  return {
    id: `container:${name}`,
    kind: 'container',
    action,
    name,
    label: 'web',
    causes,
    after: [],
  };
}

const PLAN: Plan = {
  project: 'ci',
  operations: [op('create', 'ci-web-1'), op('remove', 'ci-old-1', ['orphan'])],
  ports: [],
  diagnostics: [],
};

describe('planText', () => {
  it('colors the markers and the summary only when asked', () => {
    const plain = planText(PLAN, { color: false });
    expect(plain).not.toContain('\u001b');
    expect(planText(PLAN, { color: true })).toBe(
      [
        '\u001b[32m+\u001b[0m create container ci-web-1 (web)',
        '\u001b[31m-\u001b[0m remove container ci-old-1 (web): orphan',
        '',
        'Ports: none published',
        '',
        '\u001b[1mPlan: 1 to create, 0 to replace, 1 to remove.\u001b[0m',
        '',
      ].join('\n'),
    );
  });

  it('says there is nothing to do for an empty project', () => {
    expect(planText({ ...PLAN, operations: [] }, { color: false })).toBe(
      'Ports: none published\n\nNo changes. The project matches the nestfile.\n',
    );
  });

  it('shows a port that moved, with why', () => {
    const text = planText(
      {
        ...PLAN,
        ports: [
          {
            nestPath: 'agent/db',
            service: 'agent-db',
            index: 0,
            protocol: 'tcp',
            hostIp: '127.0.0.1',
            target: 5432,
            written: '5432',
            published: '20000',
            reason: 'conflict with db ports[0]',
          },
        ],
      },
      { color: false },
    );
    expect(text).toContain(
      '  agent/db ports[0]: 127.0.0.1:5432 -> 20000/tcp (moved: conflict with db ports[0])\n',
    );
  });
});
