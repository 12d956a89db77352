import { describe, expect, it } from 'vitest';
import type { Action, Operation, ResourceKind } from '../types.js';
import { scheduleSteps } from './schedule.js';

const op = (id: string, action: Action, ...after: string[]): Operation => ({
  id,
  kind: id.split(':')[0] as ResourceKind,
  action,
  name: id.split(':')[1] ?? id,
  label: id,
  causes: [],
  after,
});

const show = (ops: Operation[]): string[] =>
  scheduleSteps(ops).map((s) => `${s.id} [${s.phase}] after ${s.after.join(', ') || '-'}`);

describe('scheduleSteps', () => {
  it('splits a created or replaced container into a create and a start phase', () => {
    expect(
      show([
        op('network:n', 'create'),
        op('volume:v', 'create'),
        op('container:old', 'remove'),
        op('container:db', 'replace', 'network:n'),
        op('container:web', 'create', 'container:db', 'container:old', 'network:n', 'volume:v'),
      ]),
    ).toEqual([
      'network:n [whole] after -',
      'volume:v [whole] after -',
      'container:old [whole] after -',
      'container:db#create [create] after network:n',
      'container:db [start] after container:db#create',
      // Networks, volumes and removals before the create; other containers before the start.
      'container:web#create [create] after container:old, network:n, volume:v',
      'container:web [start] after container:web#create, container:db',
    ]);
  });

  it('keeps a start, an unchanged container and a removal whole', () => {
    expect(
      show([
        op('container:a', 'start', 'container:b'),
        op('container:b', 'unchanged'),
        op('container:c', 'remove'),
      ]),
    ).toEqual([
      'container:a [whole] after container:b',
      'container:b [whole] after -',
      'container:c [whole] after -',
    ]);
  });
});
