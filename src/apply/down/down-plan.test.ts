import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../engine/types.js';
import { LABELS } from '../types.js';
import { planDown, type DownInput } from './down-plan.js';

/** A container of project `ci` (or of `project`) on the given networks. */
function container(
  service: string,
  opts: { path?: string; networks?: string[]; project?: string; number?: number } = {},
): ContainerSummary {
  const number = opts.number ?? 1;
  const project = opts.project ?? 'ci';
  return {
    id: `id-${project}-${service}-${number}`,
    name: `${project}-${service}-${number}`,
    labels: {
      [LABELS.project]: project,
      [LABELS.service]: service,
      [LABELS.path]: opts.path ?? service,
    },
    state: 'running',
    ports: [],
    networks: opts.networks ?? ['ci_default'],
    image: 'busybox',
    imageId: 'sha256:1',
  };
}

const net = (name: string) => ({
  id: `net-${name}`,
  name,
  driver: 'bridge',
  labels: { [LABELS.project]: 'ci', [LABELS.resource]: name.replace(/^ci_/, '') },
});
const vol = (name: string) => ({ name, driver: 'local', labels: { [LABELS.project]: 'ci' } });

/** agent runs db and tests (it depends on both); tests depends on db; web is a root service. */
const SERVICES = {
  services: new Set(['agent', 'agent-db', 'agent-tests', 'web']),
  dependsOn: new Map([
    ['agent', ['agent-db', 'agent-tests']],
    ['agent-tests', ['agent-db']],
    ['agent-db', []],
    ['web', []],
  ]),
};

function input(over: Partial<DownInput> = {}): DownInput {
  return {
    project: 'ci',
    containers: [
      container('agent', { networks: ['ci_default', 'ci_agent-default'] }),
      container('agent-db', { path: 'agent/db', networks: ['ci_agent-default'] }),
      container('agent-tests', { path: 'agent/tests', networks: ['ci_agent-default'] }),
      container('web'),
    ],
    networks: [net('ci_default'), net('ci_agent-default')],
    volumes: [vol('ci_data')],
    services: SERVICES,
    ...over,
  };
}

/** `ID after A` (A done first), `ID after stop of B` (B stopped first, maybe still being removed). */
const lines = (p: ReturnType<typeof planDown>): string[] =>
  p.operations.map(
    (o) =>
      `${o.id}${o.after.length ? ` after ${o.after.join(', ')}` : ''}${
        o.afterReleased?.length ? ` after stop of ${o.afterReleased.join(', ')}` : ''
      }`,
  );

describe('planDown', () => {
  it('stops a container before what it depends on, then removes each network after its containers', () => {
    const p = planDown(input(), { volumes: false, removeOrphans: false });
    expect(lines(p)).toEqual([
      'container:ci-agent-1',
      'container:ci-agent-db-1 after stop of container:ci-agent-1, container:ci-agent-tests-1',
      'container:ci-agent-tests-1 after stop of container:ci-agent-1',
      'container:ci-web-1',
      'network:ci_agent-default after container:ci-agent-1, container:ci-agent-db-1, container:ci-agent-tests-1',
      'network:ci_default after container:ci-agent-1, container:ci-web-1',
    ]);
    expect(p.operations.every((o) => o.action === 'remove')).toBe(true);
    expect(p.operations[1]).toMatchObject({ label: 'agent/db', existingId: 'id-ci-agent-db-1' });
    expect(p.operations[4]).toMatchObject({ kind: 'network', label: 'agent-default' });
    expect(p.diagnostics).toEqual([]);
  });

  it('removes volumes only with --volumes, after every container', () => {
    expect(lines(planDown(input(), { volumes: false, removeOrphans: false }))).not.toContain(
      'volume:ci_data',
    );
    const p = planDown(input(), { volumes: true, removeOrphans: false });
    expect(lines(p).at(-1)).toBe(
      'volume:ci_data after container:ci-agent-1, container:ci-agent-db-1, container:ci-agent-tests-1, container:ci-web-1',
    );
  });

  it('keeps an orphan with a warning, and the network it is on', () => {
    const old = container('old', { networks: ['ci_default'] });
    const p = planDown(input({ containers: [...input().containers, old] }), {
      volumes: false,
      removeOrphans: false,
    });
    expect(p.kept).toEqual([old]);
    expect(lines(p)).not.toContain('container:ci-old-1');
    expect(lines(p).some((l) => l.startsWith('network:ci_default'))).toBe(false);
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.summary])).toEqual([
      [
        'apply-orphan',
        'warning',
        'container "ci-old-1" (old) belongs to project "ci" but to no service of the nestfile; it is left running',
      ],
      [
        'apply-down-kept',
        'warning',
        'network ci_default is kept: container "ci-old-1" still uses it',
      ],
    ]);
  });

  it('removes an orphan with --remove-orphans, with the cause orphan', () => {
    const old = container('old');
    const p = planDown(input({ containers: [...input().containers, old] }), {
      volumes: false,
      removeOrphans: true,
    });
    expect(p.operations.find((o) => o.id === 'container:ci-old-1')?.causes).toEqual(['orphan']);
    expect(p.kept).toEqual([]);
    expect(p.diagnostics).toEqual([]);
  });

  it('without the nestfile removes every labelled container, in any order, and no orphan is kept', () => {
    const old = container('old');
    const rest = input();
    delete rest.services;
    const p = planDown(
      { ...rest, containers: [...rest.containers, old] },
      {
        volumes: false,
        removeOrphans: false,
      },
    );
    const containers = p.operations.filter((o) => o.kind === 'container');
    expect(containers.map((o) => o.name)).toEqual([
      'ci-agent-1',
      'ci-agent-db-1',
      'ci-agent-tests-1',
      'ci-old-1',
      'ci-web-1',
    ]);
    expect(containers.every((o) => o.after.length + (o.afterReleased?.length ?? 0) === 0)).toBe(
      true,
    );
  });

  it("leaves other projects' containers alone and keeps a network one of them uses", () => {
    const other = container('web', { project: 'other', networks: ['ci_default'] });
    const p = planDown(input({ containers: [...input().containers, other] }), {
      volumes: false,
      removeOrphans: true,
    });
    expect(lines(p)).not.toContain('container:other-web-1');
    expect(p.diagnostics.map((d) => d.summary)).toEqual([
      'network ci_default is kept: container "other-web-1" still uses it',
    ]);
  });

  it('keeps a volume that a kept orphan mounts', () => {
    const p = planDown(
      input({
        containers: [...input().containers, container('old')],
        keptVolumeUsers: new Map([['ci_data', ['ci-old-1']]]),
      }),
      { volumes: true, removeOrphans: false },
    );
    expect(lines(p).some((l) => l.startsWith('volume:'))).toBe(false);
    expect(p.diagnostics.map((d) => d.summary)).toContain(
      'volume ci_data is kept: container "ci-old-1" still mounts it',
    );
  });

  it('puts replicas of one service side by side, each before its dependencies', () => {
    const p = planDown(
      input({
        containers: [
          container('agent-db', { path: 'agent/db' }),
          container('agent-tests', { path: 'agent/tests', number: 1 }),
          container('agent-tests', { path: 'agent/tests', number: 2 }),
        ],
        networks: [],
      }),
      { volumes: false, removeOrphans: false },
    );
    expect(lines(p)).toEqual([
      'container:ci-agent-db-1 after stop of container:ci-agent-tests-1, container:ci-agent-tests-2',
      'container:ci-agent-tests-1',
      'container:ci-agent-tests-2',
    ]);
  });
});
