import type { CodeTable } from './types.js';

/**
 * Codes of the resolver: published ports (src/resolve/ports, NESTFILE.md rule 5) and lints
 * (src/resolve/lint, rule 7).
 */
export const NEST_PORTS_CODES = {
  'nest-port-conflict': {
    meaning:
      'With `--strict-ports`, two services (at any depth) publish the same host port on overlapping host addresses and protocol; without it, nestc would have moved the later one.',
    fix: 'Publish another host port in one of them, bind them to distinct specific addresses (`127.0.0.1` and `::1` do not collide), or drop `--strict-ports`.',
  },
  'nest-port-range-exhausted': {
    meaning:
      'A published host port collides with an earlier claim and no free port (or, for a range, no free contiguous block of the same size) is left in the allocation range to move it to.',
    fix: 'Widen the range with `--port-range A-B`, or publish fewer fixed host ports (leave the host port out to get an ephemeral one).',
  },
  'nest-port-fixed-with-replicas': {
    meaning:
      'A service with `scale` or `deploy.replicas` above 1 publishes a fixed single host port: every replica would bind it, so only the first could start.',
    fix: 'Publish a host range with room for every replica (`"8080-8082:80"`), leave the host port out, or run one replica.',
  },
  'nest-localhost-port': {
    meaning:
      'Warning: an environment value points at `localhost`, `127.0.0.1`, `[::1]`, `host.docker.internal` or the default bridge gateway `172.17.0.1` with a host port another service publishes. From a container that reaches itself or the host, not the other service, and a port nestc moved breaks it again.',
    fix: 'Use the DNS name and container port of the other service (the hint names them, e.g. `db:5432`), or give the service `network_mode: host` if it really is meant to use the host network.',
  },
  'nest-network-pools': {
    meaning:
      'Warning: the graph needs more networks than an engine\'s default address pools hold (172.17.0.0/16 to 172.31.0.0/16 and 192.168.0.0/16 in /20s: 31, one taken by the default bridge); `up` would fail with "all predefined address pools have been fully subnetted".',
    fix: 'Configure more, smaller pools in the engine (`default-address-pools` in daemon.json), or share networks between scopes (`external: true` or an explicit `name:`).',
  },
  'nest-port-held-outside': {
    meaning:
      'At `up`: a host port a root service publishes is held by a container outside this project. nestc moves nested ports off such ports, but a root port is one the user wrote for themselves (to reach it from the host), so it is not moved.',
    fix: 'Stop the container that holds it, or publish another port for the root service.',
  },
} as const satisfies CodeTable;

/** A code of this table, for typed `diags.error(...)` calls. */
export type NestPortsCode = keyof typeof NEST_PORTS_CODES;
