import { describe, expect, it } from 'vitest';
import { planText } from '../../views/plan-text.js';
import { LABELS, type DesiredState, type ObservedState, type ReconcileOptions } from '../types.js';
import { reconcile, type ReconcileObserved } from './reconcile.js';
import {
  applied,
  desiredState,
  emptyEngine,
  leftover,
  observedContainer,
  type TestDesired,
} from './reconcile-test-state.js';

const KEEP: ReconcileOptions = { removeOrphans: false };

/** A root web with a db, and an agent whose scope has its own db. */
const PROJECT: TestDesired = {
  networks: ['default', 'agent-default'],
  volumes: ['data'],
  services: [
    { name: 'web', ports: { 8080: 80 }, dependsOn: { db: {} } },
    { name: 'db', volumes: ['data'] },
    { name: 'agent', networks: ['default', 'agent-default'], dependsOn: { 'agent-db': {} } },
    { name: 'agent-db', path: 'agent/db', networks: ['agent-default'] },
  ],
  ports: [
    {
      nestPath: 'web',
      service: 'web',
      index: 0,
      protocol: 'tcp',
      hostIp: '',
      target: 80,
      written: '8080',
      published: '8080',
    },
  ],
};

function planOf(desired: DesiredState, observed: ReconcileObserved, opts = KEEP): string {
  const { plan, diagnostics } = reconcile(desired, observed, opts);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return planText(plan!, { color: false });
}

function errorsOf(desired: DesiredState, observed: ObservedState) {
  const result = reconcile(desired, observed, KEEP);
  expect(result.plan).toBeUndefined();
  return result.diagnostics.filter((d) => d.severity === 'error');
}

const PORTS = [
  'Ports (nest path and entry: host port as written, host port it got, protocol):',
  '  web ports[0]: 8080 -> 8080/tcp',
];

describe('reconcile', () => {
  it('creates everything on a first up, networks and volumes first', () => {
    const desired = desiredState(PROJECT);
    expect(planOf(desired, emptyEngine())).toBe(
      [
        '+ create network ci_agent-default',
        '+ create network ci_default',
        '+ create volume ci_data',
        '+ create container ci-agent-1 (agent)',
        '+ create container ci-agent-db-1 (agent/db)',
        '+ create container ci-db-1 (db)',
        '+ create container ci-web-1 (web)',
        '',
        ...PORTS,
        '',
        'Plan: 7 to create, 0 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
  });

  it('orders containers after their networks, volumes and dependencies', () => {
    const { plan } = reconcile(desiredState(PROJECT), emptyEngine(), KEEP);
    const after = Object.fromEntries(plan!.operations.map((o) => [o.id, o.after]));
    expect(after).toEqual({
      'network:ci_agent-default': [],
      'network:ci_default': [],
      'volume:ci_data': [],
      'container:ci-agent-1': [
        'container:ci-agent-db-1',
        'network:ci_agent-default',
        'network:ci_default',
      ],
      'container:ci-agent-db-1': ['network:ci_agent-default'],
      'container:ci-db-1': ['network:ci_default', 'volume:ci_data'],
      'container:ci-web-1': ['container:ci-db-1', 'network:ci_default'],
    });
  });

  it('changes nothing on a converged project', () => {
    const desired = desiredState(PROJECT);
    const { plan } = reconcile(desired, applied(desired), KEEP);
    expect(plan!.operations.every((o) => o.after.length === 0)).toBe(true);
    expect(planText(plan!, { color: false })).toBe(
      ['7 unchanged', '', ...PORTS, '', 'No changes. The project matches the nestfile.', ''].join(
        '\n',
      ),
    );
  });

  it('replaces only the service whose definition changed', () => {
    const observed = applied(desiredState(PROJECT));
    const changed = desiredState({
      ...PROJECT,
      services: PROJECT.services.map((s) => (s.name === 'agent-db' ? { ...s, hash: 'env-2' } : s)),
    });
    expect(planOf(changed, observed)).toBe(
      [
        '-/+ replace container ci-agent-db-1 (agent/db): configuration changed (config hash)',
        '6 unchanged',
        '',
        ...PORTS,
        '',
        'Plan: 0 to create, 1 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
  });

  it('names the fields it can compare: labels and published ports', () => {
    const observed = applied(desiredState(PROJECT));
    const changed = desiredState({
      ...PROJECT,
      services: PROJECT.services.map((s) =>
        s.name === 'web' ? { ...s, hash: 'web-2', ports: { 8081: 80 }, labels: { team: 'a' } } : s,
      ),
    });
    expect(planOf(changed, observed)).toContain(
      '-/+ replace container ci-web-1 (web): configuration changed (config hash); labels changed; ports changed\n',
    );
  });

  it('replaces a dependent with restart: true when its dependency is replaced, down the chain', () => {
    const t: TestDesired = {
      services: [
        { name: 'db' },
        { name: 'api', dependsOn: { db: { restart: true } } },
        { name: 'web', dependsOn: { api: { restart: true } } },
        { name: 'cron', dependsOn: { db: { restart: false } } },
      ],
    };
    const observed = applied(desiredState(t));
    const changed = desiredState({
      services: t.services.map((s) => (s.name === 'db' ? { ...s, hash: 'db-2' } : s)),
    });
    const { plan } = reconcile(changed, observed, KEEP);
    expect(planText(plan!, { color: false })).toBe(
      [
        '-/+ replace container ci-api-1 (api): dependency db replaced',
        '-/+ replace container ci-db-1 (db): configuration changed (config hash)',
        '-/+ replace container ci-web-1 (web): dependency api replaced',
        '2 unchanged',
        '',
        'Ports: none published',
        '',
        'Plan: 0 to create, 3 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
    const web = plan!.operations.find((o) => o.id === 'container:ci-web-1');
    expect(web?.after).toEqual(['container:ci-api-1']);
  });

  it('warns about an orphan and keeps it, without --remove-orphans', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desired);
    leftover(observed, 'ci', 'old', { path: 'agent/old' });
    const { plan, diagnostics } = reconcile(desired, observed, KEEP);
    expect(planText(plan!, { color: false })).toContain(
      'No changes. The project matches the nestfile.',
    );
    expect(diagnostics).toEqual([
      {
        code: 'apply-orphan',
        severity: 'warning',
        summary:
          'container "ci-old-1" (agent/old) belongs to project "ci" but to no service of the nestfile',
        hint: 'run nestc up --remove-orphans to remove it',
      },
    ]);
    expect(plan!.diagnostics).toEqual(diagnostics);
  });

  it('removes an orphan with --remove-orphans, waiting for nothing', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desired);
    leftover(observed, 'ci', 'old', { path: 'agent/old' });
    const { plan, diagnostics } = reconcile(desired, observed, { removeOrphans: true });
    expect(diagnostics).toEqual([]);
    expect(planText(plan!, { color: false })).toBe(
      [
        '- remove container ci-old-1 (agent/old): orphan',
        '7 unchanged',
        '',
        ...PORTS,
        '',
        'Plan: 0 to create, 0 to replace, 1 to remove.',
        '',
      ].join('\n'),
    );
    expect(plan!.operations.find((o) => o.action === 'remove')).toMatchObject({
      after: [],
      existingId: 'ctr-id-ci-old-1',
    });
  });

  it('creates a container after the removal of the orphan that holds its host port', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desiredState({ ...PROJECT, services: PROJECT.services.slice(1) }));
    leftover(observed, 'ci', 'old', {
      ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    });
    const { plan } = reconcile(desired, observed, { removeOrphans: true });
    expect(plan!.operations.find((o) => o.id === 'container:ci-web-1')?.after).toEqual([
      'container:ci-db-1',
      'container:ci-old-1',
    ]);
  });

  it('removes surplus replicas of a service that was scaled down, without --remove-orphans', () => {
    const t: TestDesired = { services: [{ name: 'worker', replicas: 3 }] };
    const observed = applied(desiredState(t));
    const text = planOf(desiredState({ services: [{ name: 'worker', replicas: 1 }] }), observed);
    expect(text).toBe(
      [
        '- remove container ci-worker-2 (worker): scaled down to 1',
        '- remove container ci-worker-3 (worker): scaled down to 1',
        '2 unchanged',
        '',
        'Ports: none published',
        '',
        'Plan: 0 to create, 0 to replace, 2 to remove.',
        '',
      ].join('\n'),
    );
  });

  it('starts a stopped container whose definition did not change', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desired);
    observedContainer(observed, 'ci-db-1').state = 'exited';
    observedContainer(observed, 'ci-web-1').state = 'created';
    const { plan } = reconcile(desired, observed, KEEP);
    expect(planText(plan!, { color: false })).toBe(
      [
        '~ start container ci-db-1 (db): stopped',
        '~ start container ci-web-1 (web): created, never started',
        '5 unchanged',
        '',
        ...PORTS,
        '',
        'Plan: 0 to create, 0 to replace, 2 to start, 0 to remove.',
        '',
      ].join('\n'),
    );
    expect(plan!.operations.find((o) => o.id === 'container:ci-web-1')?.after).toEqual([
      'container:ci-db-1',
    ]);
  });

  it('replaces a dead container', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desired);
    observedContainer(observed, 'ci-db-1').state = 'dead';
    expect(planOf(desired, observed)).toContain(
      '-/+ replace container ci-db-1 (db): container is dead\n',
    );
  });

  it('replaces a container that is not on a network it should be on', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desired);
    observedContainer(observed, 'ci-agent-1').networks = ['ci_default'];
    expect(planOf(desired, observed)).toContain(
      '-/+ replace container ci-agent-1 (agent): network ci_agent-default missing\n',
    );
  });

  it('replaces a container whose image name now points at another image', () => {
    const desired = desiredState(PROJECT);
    const observed: ReconcileObserved = {
      ...applied(desired),
      imageIds: new Map([['nestc-test/busybox:1', 'sha256:' + 'b'.repeat(64)]]),
    };
    const text = planOf(desired, observed);
    expect(text).toContain(
      '-/+ replace container ci-db-1 (db): image changed (nestc-test/busybox:1 is now bbbbbbbbbbbb)\n',
    );
    expect(text).toContain('Plan: 0 to create, 4 to replace, 0 to remove.');
  });

  it('replaces a network whose definition changed, and every container on it', () => {
    const observed = applied(desiredState(PROJECT));
    const changed = desiredState({
      ...PROJECT,
      networks: ['default', { key: 'agent-default', hash: 'internal' }],
    });
    const { plan } = reconcile(changed, observed, KEEP);
    expect(planText(plan!, { color: false })).toBe(
      [
        '-/+ replace network ci_agent-default: configuration changed (config hash)',
        '-/+ replace container ci-agent-1 (agent): network ci_agent-default replaced',
        '-/+ replace container ci-agent-db-1 (agent/db): network ci_agent-default replaced',
        '4 unchanged',
        '',
        ...PORTS,
        '',
        'Plan: 0 to create, 3 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
    expect(plan!.operations.find((o) => o.id === 'container:ci-agent-1')?.after).toEqual([
      'container:ci-agent-db-1',
      'network:ci_agent-default',
    ]);
  });

  it('keeps a volume whose definition changed, with a warning', () => {
    const observed = applied(desiredState(PROJECT));
    const changed = desiredState({ ...PROJECT, volumes: [{ key: 'data', hash: 'other-driver' }] });
    const { plan, diagnostics } = reconcile(changed, observed, KEEP);
    expect(planText(plan!, { color: false })).toContain('No changes.');
    expect(diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'apply-volume-diverged',
        'volume "ci_data" (volumes.data) was created with another definition; nestc keeps it and its data',
      ],
    ]);
  });

  it('uses a volume of that name nestc did not create, with a warning', () => {
    const observed = emptyEngine();
    observed.volumeNames.add('ci_data');
    const { plan, diagnostics } = reconcile(desiredState(PROJECT), observed, KEEP);
    expect(plan!.operations.find((o) => o.id === 'volume:ci_data')?.action).toBe('unchanged');
    expect(diagnostics.map((d) => d.code)).toEqual(['apply-volume-foreign']);
  });

  it('gives the same plan for the same states in another order', () => {
    const desired = desiredState(PROJECT);
    const observed = applied(desiredState({ ...PROJECT, services: PROJECT.services.slice(1) }));
    observedContainer(observed, 'ci-db-1').labels[LABELS.configHash] = 'old';
    observedContainer(observed, 'ci-agent-1').state = 'exited';
    leftover(observed, 'ci', 'old');
    leftover(observed, 'ci', 'aaa');
    const shuffled: DesiredState = {
      ...desired,
      networks: [...desired.networks].reverse(),
      containers: [...desired.containers].reverse(),
      images: [...desired.images].reverse(),
    };
    const observedShuffled: ObservedState = {
      ...observed,
      containers: [...observed.containers].reverse(),
      networks: [...observed.networks].reverse(),
    };
    const opts = { removeOrphans: true };
    const a = reconcile(desired, observed, opts);
    const b = reconcile(shuffled, observedShuffled, opts);
    expect(b).toEqual(a);
    expect(planText(a.plan!, { color: false })).toBe(
      [
        '- remove container ci-aaa-1 (aaa): orphan',
        '~ start container ci-agent-1 (agent): stopped',
        '-/+ replace container ci-db-1 (db): configuration changed (config hash)',
        '- remove container ci-old-1 (old): orphan',
        '+ create container ci-web-1 (web)',
        '4 unchanged',
        '',
        ...PORTS,
        '',
        'Plan: 1 to create, 1 to replace, 1 to start, 2 to remove.',
        '',
      ].join('\n'),
    );
  });
});

describe('reconcile: conflicts found before anything is created', () => {
  it('refuses a container name used by a container nestc did not create', () => {
    const desired = desiredState(PROJECT);
    const observed = emptyEngine();
    observed.containerNames.set('/ci-db-1', undefined);
    observed.containerNames.set('ci-web-1', 'other');
    const errors = errorsOf(desired, observed);
    expect(errors.map((e) => [e.code, e.summary, e.loc?.line])).toEqual([
      [
        'apply-name-in-use',
        'container name "ci-db-1" (db) is already used by a container nestc did not create',
        11,
      ],
      [
        'apply-name-in-use',
        'container name "ci-web-1" (web) is already used by a container of project "other"',
        10,
      ],
    ]);
    expect(errors[0]?.loc?.file).toBe('/srv/ci/compose.yaml');
  });

  it('refuses an image that is not on the engine, naming it and who needs it', () => {
    const desired = desiredState({
      services: [
        { name: 'db', image: 'postgres' },
        { name: 'cache', path: 'agent/cache', image: 'docker.io/library/redis:7' },
        { name: 'web', image: 'docker.io/library/busybox' },
      ],
    });
    const errors = errorsOf(desired, emptyEngine(['busybox:latest', 'redis:6']));
    expect(errors.map((e) => [e.code, e.summary, e.hint, e.loc?.line])).toEqual([
      [
        'apply-image-missing',
        'image "docker.io/library/redis:7" is not on the engine (needed by agent/cache)',
        'pull it (docker pull docker.io/library/redis:7) or build it; nestc does not pull images yet',
        11,
      ],
      [
        'apply-image-missing',
        'image "postgres" is not on the engine (needed by db)',
        'pull it (docker pull postgres) or build it; nestc does not pull images yet',
        10,
      ],
    ]);
  });

  it('refuses an engine older than a feature the graph needs, naming the entry', () => {
    const loc = { file: '/srv/ci/compose.yaml', line: 7, col: 9 };
    const desired = desiredState({
      ...PROJECT,
      minApiVersion: {
        version: '1.45',
        why: 'services.agent/db.volumes[0]: a volume subpath',
        loc,
      },
    });
    const errors = errorsOf(desired, emptyEngine());
    expect(errors).toEqual([
      {
        code: 'apply-engine-too-old',
        severity: 'error',
        summary:
          'services.agent/db.volumes[0]: a volume subpath needs Engine API 1.45 (Docker 26.0) or newer, but the engine speaks API 1.41 (Docker 20.10)',
        loc,
        hint: 'upgrade the Docker engine, or change this entry so it does not need the feature',
      },
    ]);
    expect(reconcile(desired, { ...emptyEngine(), apiVersion: '1.45' }, KEEP).plan).toBeDefined();
  });

  it('refuses an external network or volume that does not exist', () => {
    const desired = desiredState({
      networks: ['default', { key: 'shared', name: 'shared', external: true }],
      volumes: [{ key: 'cache', name: 'build-cache', external: true }],
      services: [{ name: 'web', networks: ['default', 'shared'], volumes: ['cache'] }],
    });
    const errors = errorsOf(desired, emptyEngine());
    expect(errors.map((e) => [e.code, e.summary, e.hint])).toEqual([
      [
        'apply-external-missing',
        'external network "shared" (networks.shared) does not exist on the engine',
        'create it first (docker network create shared), or drop external: true',
      ],
      [
        'apply-external-missing',
        'external volume "build-cache" (volumes.cache) does not exist on the engine',
        'create it first (docker volume create build-cache), or drop external: true',
      ],
    ]);
    const present = emptyEngine();
    present.networkNames.add('shared');
    present.volumeNames.add('build-cache');
    expect(planOf(desired, present)).toBe(
      [
        '+ create network ci_default',
        '+ create container ci-web-1 (web)',
        '',
        'Ports: none published',
        '',
        'Plan: 2 to create, 0 to replace, 0 to remove.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a network of that name nestc did not create for this project', () => {
    const observed = emptyEngine();
    observed.networkNames.add('ci_default');
    const errors = errorsOf(desiredState(PROJECT), observed);
    expect(errors.map((e) => [e.code, e.summary])).toEqual([
      [
        'apply-network-in-use',
        'network "ci_default" (networks.default) exists on the engine but was not created by nestc for project "ci"',
      ],
    ]);
  });

  it('reports every conflict at once and plans nothing', () => {
    const observed = emptyEngine([]);
    observed.containerNames.set('ci-db-1', undefined);
    const result = reconcile(
      desiredState({ ...PROJECT, minApiVersion: { version: '1.44', why: 'x' } }),
      observed,
      KEEP,
    );
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'apply-engine-too-old',
      'apply-name-in-use',
      'apply-image-missing',
    ]);
  });
});
