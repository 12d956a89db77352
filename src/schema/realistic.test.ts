import { describe, expect, it } from 'vitest';
import { Diagnostics, type Diagnostic } from '../diag/diagnostic.js';
import { readYaml } from '../loader/read-yaml.js';
import { validateSchema } from './validate.js';

/**
 * Whole files that use most of the Compose model, written for nestc (in the style of the
 * compose-spec examples): a schema that is too strict shows up here first.
 */

function validateYaml(text: string): Diagnostic[] {
  const diags = new Diagnostics();
  const { docs } = readYaml(text, 'compose.yaml', diags);
  if (diags.hasErrors()) throw new Error('test YAML does not parse');
  for (const doc of docs) validateSchema(doc as object, 'compose.yaml', diags);
  return diags.sorted();
}

const SHOP = `
version: "3.9"
name: shop
include:
  - ../common/compose.yaml
  - path: [../infra/compose.yaml, ../infra/compose.override.yaml]
    project_directory: ../infra
    env_file: ../infra/.env
x-defaults: &defaults
  restart: unless-stopped
  logging:
    driver: json-file
    options: { max-size: 10m, max-file: 3 }
services:
  frontend:
    <<: *defaults
    image: example/webapp:1.4
    build:
      context: ./frontend
      dockerfile: Dockerfile.prod
      args: [GIT_COMMIT=abc123, NODE_ENV]
      target: runtime
      cache_from: [type=registry,ref=example/webapp:cache]
      labels: { org.example.team: web }
      platforms: [linux/amd64, linux/arm64]
      secrets: [npm_token]
      additional_contexts: { assets: ../assets }
      ssh: [default]
      shm_size: 256m
      no_cache: false
      pull: "true"
      network: host
    ports:
      - "443:8043"
      - target: 8080
        published: "8080"
        host_ip: 127.0.0.1
        protocol: tcp
        app_protocol: http
        mode: host
        name: web
    expose: ["9000", 9001]
    networks:
      front-tier:
        aliases: [shop-web]
        ipv4_address: 172.16.238.10
        priority: 1000
      back-tier:
    configs:
      - httpd-config
      - source: site
        target: /etc/site.conf
        uid: "103"
        gid: "103"
        mode: 0440
    secrets:
      - server-certificate
    depends_on:
      backend:
        condition: service_healthy
        restart: true
      migrate:
        condition: service_completed_successfully
        required: false
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 1m30s
      timeout: 10s
      retries: 3
      start_period: 40s
      start_interval: 5s
    develop:
      watch:
        - path: ./frontend/src
          action: sync
          target: /app/src
          ignore: [node_modules/]
        - path: ./frontend/package.json
          action: rebuild
    profiles: [web]
    labels:
      com.example.description: "Shop front end"
      com.example.tier: 1
    extra_hosts:
      - "somehost=162.242.195.82"
      - "otherhost:50.31.209.229"
    dns: [8.8.8.8, 9.9.9.9]
    dns_search: example.com
    tmpfs: [/run, /tmp]
    sysctls: { net.core.somaxconn: 1024 }
    ulimits:
      nproc: 65535
      nofile: { soft: 20000, hard: 40000 }
    cap_add: [NET_ADMIN]
    cap_drop: [ALL]
    security_opt: [no-new-privileges:true]
    init: true
    stop_grace_period: 1m30s
    stop_signal: SIGUSR1
    pull_policy: every_12h
    post_start:
      - command: ./warm-cache.sh
        user: root
        privileged: true
        environment: [FOO=BAR]
    pre_stop:
      - command: [./drain.sh, --timeout, "30"]
  backend:
    image: example/api:1.0
    command: ["bundle", "exec", "thin", "-p", "3000"]
    entrypoint: /code/entrypoint.sh
    environment:
      RACK_ENV: development
      SHOW: "true"
      SESSION_SECRET:
    env_file:
      - path: ./default.env
        required: true
      - path: ./override.env
        required: false
        format: raw
    volumes:
      - type: volume
        source: db-data
        target: /data
        volume: { nocopy: true, subpath: sub }
      - type: bind
        source: /var/run/postgres/postgres.sock
        target: /var/run/postgres/postgres.sock
        bind: { create_host_path: true, propagation: rprivate, selinux: z }
      - type: tmpfs
        target: /scratch
        tmpfs: { size: 100m, mode: 1777 }
      - type: image
        source: example/assets:1
        target: /assets
        image: { subpath: dist }
      - ./cache:/cache:rw,z
    volumes_from: ["frontend:ro"]
    deploy:
      mode: replicated
      replicas: 2
      endpoint_mode: vip
      labels: { com.example.description: api }
      resources:
        limits: { cpus: "0.50", memory: 50M, pids: 100 }
        reservations:
          cpus: "0.25"
          memory: 20M
          devices:
            - capabilities: [gpu]
              driver: nvidia
              count: 1
          generic_resources:
            - discrete_resource_spec: { kind: gpu, value: 2 }
      restart_policy: { condition: on-failure, delay: 5s, max_attempts: 3, window: 120s }
      update_config: { parallelism: 2, delay: 10s, order: stop-first, failure_action: rollback }
      rollback_config: { parallelism: 1, order: start-first }
      placement:
        constraints: [node.role == manager]
        preferences: [{ spread: node.labels.zone }]
        max_replicas_per_node: 1
    gpus: all
    logging: { driver: syslog, options: { syslog-address: "tcp://192.168.0.42:123" } }
    user: "1000:1000"
    working_dir: /code
    read_only: true
    privileged: false
    stdin_open: true
    tty: true
    shm_size: 64M
    mem_limit: 1g
    mem_reservation: 512m
    memswap_limit: 2g
    mem_swappiness: 60
    oom_score_adj: -500
    oom_kill_disable: false
    cpus: 1.5
    cpu_shares: 73
    cpu_count: 2
    cpu_percent: 50
    cpuset: "0-3"
    pids_limit: 200
    blkio_config:
      weight: 300
      weight_device: [{ path: /dev/sda, weight: 400 }]
      device_read_bps: [{ path: /dev/sdb, rate: "12mb" }]
      device_write_iops: [{ path: /dev/sdb, rate: 30 }]
    devices: ["/dev/ttyUSB0:/dev/ttyUSB0", { source: /dev/sda, target: /dev/xvda, permissions: rwm }]
    group_add: [mail, 42]
    hostname: api
    domainname: example.com
    mac_address: 02:42:ac:11:65:43
    isolation: default
    platform: linux/amd64
    runtime: runc
    scale: 2
    stop_grace_period: 10s
    storage_opt: { size: 1G }
    annotations: { com.example.foo: bar }
    credential_spec: { config: my_credential_spec }
    label_file: ./app.labels
    links: [db:database]
    external_links: [redis_1]
    cgroup: private
    cgroup_parent: m-executor-abcd
    ipc: shareable
    pid: host
    uts: host
    userns_mode: host
    attach: false
    use_api_socket: true
    pre_start:
      - command: ["./manage.py", "migrate"]
      - image: busybox
        command: sh -c 'chown -R 1000:1000 /data'
        per_replica: true
  migrate:
    extends: { file: common.yml, service: webapp }
    models: [llm]
  proxy:
    extends: backend
    network_mode: "service:backend"
    provider:
      type: awesomecloud
      options: { type: mysql, replicas: 2, zones: [a, b], public: false }
  assistant:
    image: app
    models:
      llm: { endpoint_var: AI_URL, model_var: AI_MODEL }
networks:
  front-tier:
    driver: bridge
    driver_opts: { com.docker.network.bridge.host_binding_ipv4: "127.0.0.1", mtu: 1400 }
    enable_ipv6: true
    ipam:
      driver: default
      config:
        - subnet: 172.16.238.0/24
          ip_range: 172.16.238.0/25
          gateway: 172.16.238.1
          aux_addresses: { host1: 172.16.238.5 }
      options: { foo: bar }
  back-tier:
    internal: true
    attachable: true
    labels: [com.example.tier=back]
  outside:
    external: true
    name: actual-name
  default:
volumes:
  db-data:
    driver: flocker
    driver_opts: { size: "10GiB" }
    labels: { com.example.usage: db }
  shared:
    external: true
  anon:
configs:
  httpd-config:
    external: true
  site:
    file: ./site.conf
  inline:
    content: |
      debug=\${DEBUG}
  from-env:
    environment: SITE_CONFIG
secrets:
  server-certificate:
    file: ./server.cert
  npm_token:
    environment: NPM_TOKEN
  ext:
    external: true
    name: "\${PREFIX}-token"
models:
  llm:
    model: ai/smollm2
    context_size: 1024
    runtime_flags: [--no-prefill-assistant]
`;

describe('validateSchema on whole files', () => {
  it('accepts a file that uses most of the Compose model', () => {
    expect(validateYaml(SHOP)).toEqual([]);
  });

  it('accepts short forms of every attribute that has one', () => {
    const text = `
services:
  a:
    build: ./dir
    command: echo hi
    entrypoint: ["/bin/sh", "-c"]
    env_file: .env
    environment: [A=1, B]
    labels: [a=b]
    depends_on: [b]
    networks: [front]
    dns: 1.1.1.1
    tmpfs: /tmp
    extra_hosts: { somehost: "162.242.195.82", multi: ["::1", "127.0.0.1"] }
    healthcheck: { test: curl -f http://localhost || exit 1, disable: false }
    extends: b
    volumes: ["data:/data", "/host:/c:ro"]
    ports: [80, "8080:80", "127.0.0.1:5000-5010:5000-5010/udp"]
    deploy:
    develop:
    pid:
    restart: "no"
  b:
    image: busybox
    command:
    healthcheck: { disable: true }
    gpus: [{ driver: nvidia, count: all, capabilities: [gpu] }]
networks:
  front: {}
volumes:
  data: {}
`;
    expect(validateYaml(text)).toEqual([]);
  });

  it('accepts strings wherever interpolation can leave one', () => {
    const text = `
services:
  a:
    image: a
    read_only: "\${RO:-false}"
    privileged: "true"
    scale: "3"
    cpus: "0.5"
    mem_limit: "\${MEM}"
    ulimits: { nofile: "1024" }
    ports: [{ target: "80", published: "\${PORT}" }]
    healthcheck: { retries: "3" }
    deploy: { replicas: "2" }
    oom_score_adj: "-100"
    cpu_percent: "\${PCT}"
`;
    expect(validateYaml(text)).toEqual([]);
  });

  it('accepts a file of several documents', () => {
    expect(
      validateYaml('services:\n  a: { image: a }\n---\nservices:\n  b: { image: b }\n'),
    ).toEqual([]);
  });

  it('accepts a generated file of 10,000 services', () => {
    // Also the timing probe of docs/schema.md: run with NESTC_SCHEMA_TIMING=1 to print it.
    const services: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) {
      services[`svc-${i}`] = {
        image: `registry.example/app-${i}:1.${i % 7}`,
        build: { context: `./app${i}`, args: { A: '1', B: 2 } },
        command: ['node', 'server.js', `--id=${i}`],
        environment: { NODE_ENV: 'production', ID: String(i), EMPTY: null },
        env_file: ['.env', { path: `.env.${i}`, required: false }],
        ports: [`${8000 + (i % 1000)}:80`, { target: 443, published: 20000 + (i % 20000) }],
        volumes: ['./data:/data:ro', { type: 'volume', source: 'cache', target: '/cache' }],
        networks: { front: { aliases: [`a${i}`] }, back: null },
        depends_on: i > 0 ? { [`svc-${i - 1}`]: { condition: 'service_started' } } : ['db'],
        healthcheck: { test: ['CMD', 'true'], interval: '10s', retries: 3 },
        restart: i % 2 ? 'unless-stopped' : 'on-failure:3',
        labels: [`com.example.id=${i}`],
        deploy: { resources: { limits: { cpus: '0.5', memory: '256M' } } },
        ...(i % 10 === 0
          ? { 'x-nest': { wait: 'healthy', services: { inner: { image: 'busybox' } } } }
          : {}),
      };
    }
    const doc = { name: 'big', services, networks: { front: {}, back: null } };
    const diags = new Diagnostics();
    const start = performance.now();
    expect(validateSchema(doc, 'big.yaml', diags)).toBe(true);
    const ms = performance.now() - start;
    if (process.env['NESTC_SCHEMA_TIMING']) console.info(`10,000 services: ${ms.toFixed(0)} ms`);
    expect(diags.items).toEqual([]);
  });
});
