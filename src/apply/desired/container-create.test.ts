import { describe, expect, it } from 'vitest';
import { containerOf, desiredOf } from './test-compile.js';

/** The create body and host config of the only replica of `web` in `yaml`. */
function web(yaml: string) {
  const r = desiredOf(yaml);
  const c = containerOf(r, 'demo-web-1');
  return { r, c, create: c.create, host: c.create.HostConfig as Record<string, unknown> };
}

describe('container create body: process', () => {
  it('maps image, command, entrypoint, working_dir, user, hostname and stdio flags', () => {
    const { create } = web(`
name: demo
services:
  web:
    image: example/web:1
    command: sleep 100
    entrypoint: [/bin/sh, -c]
    working_dir: /app
    user: "1000:1000"
    hostname: h1
    domainname: example.org
    tty: true
    stdin_open: true
    stop_signal: SIGINT
    stop_grace_period: 1m30s
`);
    expect(create).toMatchObject({
      Image: 'example/web:1',
      Cmd: ['sleep', '100'],
      Entrypoint: ['/bin/sh', '-c'],
      WorkingDir: '/app',
      User: '1000:1000',
      Hostname: 'h1',
      Domainname: 'example.org',
      Tty: true,
      OpenStdin: true,
      StopSignal: 'SIGINT',
      StopTimeout: 90,
    });
  });

  it('sends environment sorted as KEY=VALUE, and a variable without a value as a bare KEY', () => {
    const { create } = web(`
name: demo
services:
  web:
    image: x
    environment: [ZED=1, UNSET_HERE, ALPHA=a=b]
`);
    expect(create.Env).toEqual(['ALPHA=a=b', 'UNSET_HERE', 'ZED=1']);
  });

  it('defaults the image of a service with only build to PROJECT-SERVICE, as Compose names it', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    build: .
`);
    expect(containerOf(r, 'demo-web-1').image).toBe('demo-web');
    expect(r.state?.images).toEqual(['demo-web']);
  });
});

describe('container create body: host settings', () => {
  it('maps privileges, capabilities, kernel settings, DNS and hosts', () => {
    const { host } = web(`
name: demo
services:
  web:
    image: x
    privileged: false
    read_only: true
    init: true
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    security_opt: [no-new-privileges:true, systempaths=unconfined]
    group_add: [998, docker]
    extra_hosts: ["db.local:10.0.0.2", "v6=::1"]
    dns: 1.1.1.1
    dns_search: [example.org]
    dns_opt: [ndots:2]
    shm_size: 64m
    sysctls: { net.core.somaxconn: 1024 }
    tmpfs: [/run, "/tmp:size=1m"]
    oom_score_adj: -500
    logging: { driver: json-file, options: { max-size: 10m, max-file: 3 } }
`);
    expect(host).toMatchObject({
      Privileged: false,
      ReadonlyRootfs: true,
      Init: true,
      CapAdd: ['NET_ADMIN'],
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges:true'],
      MaskedPaths: [],
      ReadonlyPaths: [],
      GroupAdd: ['998', 'docker'],
      ExtraHosts: ['db.local:10.0.0.2', 'v6:::1'],
      Dns: ['1.1.1.1'],
      DnsSearch: ['example.org'],
      DnsOptions: ['ndots:2'],
      ShmSize: 64 * 1024 * 1024,
      Sysctls: { 'net.core.somaxconn': '1024' },
      Tmpfs: { '/run': '', '/tmp': 'size=1m' },
      OomScoreAdj: -500,
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } },
    });
  });

  it('maps restart, and deploy.restart_policy over it in the engine words', () => {
    expect(
      web(`name: demo\nservices:\n  web: { image: x, restart: "on-failure:3" }\n`).host
        .RestartPolicy,
    ).toEqual({
      Name: 'on-failure',
      MaximumRetryCount: 3,
    });
    const { host } = web(`
name: demo
services:
  web:
    image: x
    restart: "no"
    deploy: { restart_policy: { condition: any, max_attempts: 2 } }
`);
    expect(host.RestartPolicy).toEqual({ Name: 'always', MaximumRetryCount: 2 });
  });

  it('maps resources, with deploy.resources.limits winning as in Compose', () => {
    const { host } = web(`
name: demo
services:
  web:
    image: x
    cpus: 1.5
    cpu_shares: 512
    cpuset: "0-1"
    mem_limit: 1g
    mem_reservation: 256m
    memswap_limit: -1
    pids_limit: 100
    ulimits: { nproc: 65535, nofile: { soft: 1024, hard: 2048 } }
    devices: ["/dev/null:/dev/x:r"]
    deploy:
      resources:
        limits: { cpus: "0.25", memory: 50M }
        reservations: { memory: 20M }
`);
    expect(host).toMatchObject({
      NanoCpus: 250_000_000,
      CpuShares: 512,
      CpusetCpus: '0-1',
      Memory: 50 * 1024 * 1024,
      MemoryReservation: 20 * 1024 * 1024,
      MemorySwap: -1,
      PidsLimit: 100,
      Ulimits: [
        { Name: 'nofile', Soft: 1024, Hard: 2048 },
        { Name: 'nproc', Soft: 65535, Hard: 65535 },
      ],
      Devices: [{ PathOnHost: '/dev/null', PathInContainer: '/dev/x', CgroupPermissions: 'r' }],
    });
  });

  it('points service: namespaces and volumes_from at the first replica by container name', () => {
    const r = desiredOf(`
name: demo
services:
  db:
    image: x
    scale: 2
  named:
    image: x
    container_name: the-named-one
  web:
    image: x
    pid: service:db
    ipc: host
    network_mode: service:named
    volumes_from: [db, "named:ro", "container:other:rw"]
`);
    const host = containerOf(r, 'demo-web-1').create.HostConfig as Record<string, unknown>;
    expect(host).toMatchObject({
      PidMode: 'container:demo-db-1',
      IpcMode: 'host',
      NetworkMode: 'container:the-named-one',
      VolumesFrom: ['demo-db-1', 'the-named-one:ro', 'other:rw'],
    });
    expect(containerOf(r, 'demo-web-1').create.NetworkingConfig).toBeUndefined();
    expect(containerOf(r, 'demo-web-1').connect).toEqual([]);
  });

  it('passes host and none network modes as written, with no endpoints', () => {
    const { create, host, c } = web(
      `name: demo\nservices:\n  web: { image: x, network_mode: host }\n`,
    );
    expect(host.NetworkMode).toBe('host');
    expect(create.NetworkingConfig).toBeUndefined();
    expect(c.connect).toEqual([]);
  });

  it('turns links into CONTAINER:ALIAS entries on the host config and every endpoint', () => {
    const r = desiredOf(`
name: demo
services:
  db: { image: x }
  web:
    image: x
    links: ["db:database"]
    external_links: [legacy]
    networks: [default, back]
networks: { back: {} }
`);
    const c = containerOf(r, 'demo-web-1');
    const links = ['demo-db-1:database', 'demo-db-1:db-1', 'demo-db-1:demo-db-1', 'legacy:legacy'];
    expect((c.create.HostConfig as Record<string, unknown>).Links).toEqual(links);
    const eps = (
      c.create.NetworkingConfig as { EndpointsConfig: Record<string, { Links: string[] }> }
    ).EndpointsConfig;
    expect(eps.demo_back?.Links).toEqual(links);
    expect((c.connect[0] as unknown as { endpoint: { Links: string[] } }).endpoint.Links).toEqual(
      links,
    );
  });
});
