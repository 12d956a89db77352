import { describe, expect, it } from 'vitest';
import { LABELS } from '../types.js';
import { desiredState } from './desired-state.js';
import { compileYaml, containerOf, desiredOf } from './test-compile.js';

describe('desiredState: networks and volumes', () => {
  it('creates the networks and volumes services use, and only checks external ones', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    networks: [front, shared]
    volumes: [data:/data, ext:/ext]
networks:
  front: { driver_opts: { com.docker.network.bridge.name: br-front }, internal: true, labels: [team=a] }
  unused: {}
  shared: { external: true, name: org-net }
volumes:
  data: { driver_opts: { type: tmpfs, device: tmpfs } }
  idle: {}
  ext: { external: true }
`);
    const s = r.state;
    expect(s?.networks.map((n) => [n.key, n.name, n.external])).toEqual([
      ['front', 'demo_front', false],
      ['shared', 'org-net', true],
    ]);
    const front = s?.networks[0];
    expect(front?.create).toEqual({
      Name: 'demo_front',
      CheckDuplicate: true,
      Driver: 'bridge',
      Internal: true,
      Options: { 'com.docker.network.bridge.name': 'br-front' },
      Labels: {
        team: 'a',
        [LABELS.project]: 'demo',
        [LABELS.path]: '',
        [LABELS.resource]: 'front',
        [LABELS.configHash]: front?.configHash,
      },
    });
    expect(s?.networks[1]?.create).toEqual({});
    expect(s?.volumes.map((v) => [v.key, v.name, v.external])).toEqual([
      ['data', 'demo_data', false],
      ['ext', 'ext', true],
    ]);
    expect(s?.volumes[0]?.create).toMatchObject({
      Name: 'demo_data',
      Driver: 'local',
      DriverOpts: { type: 'tmpfs', device: 'tmpfs' },
    });
  });

  it("labels a scope's network and volume with the nest path of the scope", () => {
    const r = desiredOf(`
name: ci
services:
  agent:
    image: x
    volumes: [cache:/cache]
    x-nest:
      services:
        app: { image: y, volumes: [/cache/npm:/npm, own:/own] }
      volumes: { own: {} }
      networks: { back: {} }
volumes: { cache: {} }
`);
    const labels = (o: { create: Record<string, unknown> } | undefined) =>
      (o?.create.Labels as Record<string, string>)[LABELS.path];
    const net = (k: string) => r.state?.networks.find((n) => n.key === k);
    expect(labels(net('agent-default'))).toBe('agent');
    expect(labels(net('default'))).toBe('');
    expect(r.state?.volumes.map((v) => [v.key, labels(v)])).toEqual([
      ['agent-own', 'agent'],
      ['cache', ''],
    ]);
  });

  it('maps IPAM pools and options', () => {
    const r = desiredOf(`
name: demo
services:
  web: { image: x, networks: [back] }
networks:
  back:
    enable_ipv6: true
    ipam:
      driver: default
      config: [{ subnet: 10.5.0.0/16, gateway: 10.5.0.1, aux_addresses: { host1: 10.5.0.2 } }]
`);
    expect(r.state?.networks[0]?.create).toMatchObject({
      EnableIPv6: true,
      IPAM: {
        Driver: 'default',
        Config: [
          { Subnet: '10.5.0.0/16', Gateway: '10.5.0.1', AuxiliaryAddresses: { host1: '10.5.0.2' } },
        ],
      },
    });
  });
});

describe('desiredState: containers', () => {
  it('makes one container per replica, named PROJECT-SERVICE-N or container_name', () => {
    const r = desiredOf(`
name: demo
services:
  web: { image: x, scale: 3 }
  worker: { image: y, deploy: { replicas: 2 } }
  solo: { image: z, container_name: the-solo }
  off: { image: z, scale: 0 }
`);
    expect(r.state?.containers.map((c) => [c.name, c.service, c.number])).toEqual([
      ['the-solo', 'solo', 1],
      ['demo-web-1', 'web', 1],
      ['demo-web-2', 'web', 2],
      ['demo-web-3', 'web', 3],
      ['demo-worker-1', 'worker', 1],
      ['demo-worker-2', 'worker', 2],
    ]);
    expect(r.state?.images).toEqual(['x', 'y', 'z']);
    const labels = containerOf(r, 'demo-web-2').create.Labels as Record<string, string>;
    expect(labels).toMatchObject({
      [LABELS.project]: 'demo',
      [LABELS.path]: 'web',
      [LABELS.service]: 'web',
      [LABELS.number]: '2',
    });
  });

  it('keeps depends_on by flat name and knows which services declare a healthcheck', () => {
    const r = desiredOf(`
name: ci
services:
  agent:
    image: x
    x-nest:
      wait: healthy
      services:
        db:
          image: postgres
          healthcheck: { test: [CMD, pg_isready], interval: 1s, timeout: 2s, start_period: 500ms, retries: 5 }
        off: { image: y, healthcheck: { disable: true } }
`);
    const agent = containerOf(r, 'ci-agent-1');
    expect(agent.dependsOn).toEqual({
      'agent-db': { condition: 'service_healthy', required: true },
      'agent-off': { condition: 'service_started', required: true },
    });
    const db = containerOf(r, 'ci-agent-db-1');
    expect(db.hasHealthcheck).toBe(true);
    expect(db.create.Healthcheck).toEqual({
      Test: ['CMD', 'pg_isready'],
      Interval: 1e9,
      Timeout: 2e9,
      StartPeriod: 5e8,
      Retries: 5,
    });
    const off = containerOf(r, 'ci-agent-off-1');
    expect(off.hasHealthcheck).toBe(false);
    expect(off.create.Healthcheck).toEqual({ Test: ['NONE'] });
  });

  it('adds the extra labels to every object', () => {
    const r = desiredOf(
      `
name: demo
services:
  web: { image: x, volumes: [data:/d] }
volumes: { data: {} }
`,
      { extraLabels: { 'io.nestc.test-run': 'run-1' } },
    );
    for (const o of [r.state?.networks[0], r.state?.volumes[0], r.state?.containers[0]]) {
      expect((o?.create.Labels as Record<string, string>)['io.nestc.test-run']).toBe('run-1');
    }
  });

  it('needs the highest API version any entry needs, with its place', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    healthcheck: { test: [CMD, "true"], start_period: 10s, start_interval: 1s }
`);
    expect(r.state?.minApiVersion).toMatchObject({
      version: '1.44',
      why: 'services.web.healthcheck.start_interval',
    });
    expect(containerOf(r, 'demo-web-1').create.Healthcheck).toMatchObject({ StartInterval: 1e9 });
  });

  it('gives the same state for the same graph, byte for byte', () => {
    const yaml = `
name: demo
services:
  web: { image: x, ports: ["8080:80"], environment: { B: "2", A: "1" }, networks: [a, b] }
networks: { a: {}, b: {} }
`;
    const g = compileYaml(yaml).graph;
    expect(JSON.stringify(desiredState(g))).toBe(JSON.stringify(desiredState(g)));
  });
});
