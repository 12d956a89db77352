import type { SourceLoc } from '../diag/diagnostic.js';
import type { Project } from '../model/compose.js';
import { setKeyLoc, setLoc } from '../model/locations.js';
import type { FlatGraph } from '../resolve/types.js';

/** Where the hand-made graph says it was declared; tests render relative to `TEST_CWD`. */
export const TEST_CWD = '/srv/ci';
export const TEST_FILE = '/srv/ci/compose.yaml';

export const at = (line: number, col = 3): SourceLoc => ({ file: TEST_FILE, line, col });

/**
 * A hand-made flat graph, as the resolver would give it for this nestfile, so that the views
 * are tested without the resolver:
 *
 *   services:
 *     db:      {ports: ['5432:5432']}                        # root, keeps 5432
 *     agent:                                                 # root, opens scope `agent`
 *       x-nest:
 *         services:
 *           db:    {ports: ['5432:5432']}                    # moves to 20000
 *           tests: {depends_on: {db: {condition: service_healthy}}, volumes: ['/cache/x:/x']}
 *           runner:                                          # opens scope `agent/runner`
 *             x-nest: {services: {job: {ports: ['[::1]:9000:9000/udp']}}}
 *
 * `agent-tests` mounts a directory below the root of agent's `cache` volume: a volume `subpath`.
 */
export function testGraph(): FlatGraph {
  const volumes = [
    {
      type: 'volume' as const,
      source: 'cache',
      target: '/x',
      volume: { nocopy: true, subpath: 'x' },
    },
  ];
  setLoc(volumes, 0, at(24, 13));
  const project: Project = {
    name: 'ci',
    services: {
      agent: {
        image: 'example/agent',
        depends_on: {
          'agent-db': { condition: 'service_started', required: true },
          'agent-runner': { condition: 'service_started', required: true },
          'agent-tests': { condition: 'service_started', required: true },
        },
        networks: { default: null, 'agent-default': { aliases: ['agent'] } },
        volumes: [{ type: 'volume', source: 'cache', target: '/cache' }],
      },
      'agent-db': {
        image: 'postgres:16',
        networks: { 'agent-default': { aliases: ['db'] } },
        ports: [{ target: 5432, published: '20000', protocol: 'tcp', mode: 'ingress' }],
      },
      'agent-runner': {
        image: 'example/runner',
        depends_on: { 'agent-runner-job': { condition: 'service_started', required: true } },
        networks: {
          'agent-default': { aliases: ['runner'] },
          'agent-runner-default': { aliases: ['runner'] },
        },
      },
      'agent-runner-job': {
        image: 'busybox',
        networks: { 'agent-runner-default': { aliases: ['job'] } },
        ports: [
          { target: 9000, published: '9000', protocol: 'udp', host_ip: '::1', mode: 'ingress' },
        ],
      },
      'agent-tests': {
        image: 'node:22',
        depends_on: { 'agent-db': { condition: 'service_healthy', required: true } },
        networks: { 'agent-default': { aliases: ['tests'] } },
        volumes,
      },
      db: {
        image: 'postgres:16',
        networks: { default: null },
        ports: [{ target: 5432, published: '5432', protocol: 'tcp', mode: 'ingress' }],
      },
    },
    networks: {
      'agent-default': { name: 'ci_agent-default' },
      'agent-runner-default': { name: 'ci_agent-runner-default' },
      default: { name: 'ci_default' },
    },
    volumes: { cache: { name: 'ci_cache' } },
  };
  for (const [name, line] of Object.entries(LINES)) setKeyLoc(project.services, name, at(line));
  return {
    project,
    services: [
      { flatName: 'agent', nestPath: 'agent', depth: 0, scope: '', loc: at(LINES.agent) },
      {
        flatName: 'agent-db',
        nestPath: 'agent/db',
        depth: 1,
        scope: 'agent',
        loc: at(LINES['agent-db'], 9),
      },
      {
        flatName: 'agent-runner',
        nestPath: 'agent/runner',
        depth: 1,
        scope: 'agent',
        loc: at(LINES['agent-runner'], 9),
      },
      {
        flatName: 'agent-runner-job',
        nestPath: 'agent/runner/job',
        depth: 2,
        scope: 'agent/runner',
        loc: at(LINES['agent-runner-job'], 15),
      },
      {
        flatName: 'agent-tests',
        nestPath: 'agent/tests',
        depth: 1,
        scope: 'agent',
        loc: at(LINES['agent-tests'], 9),
      },
      { flatName: 'db', nestPath: 'db', depth: 0, scope: '', loc: at(LINES.db) },
    ],
    ports: [
      port('db', 'db', '5432', '5432', 5432, LINES.db + 1),
      {
        ...port('agent/db', 'agent-db', '5432', '20000', 5432, LINES['agent-db'] + 1),
        reason: 'conflict with db ports[0]',
      },
      {
        ...port(
          'agent/runner/job',
          'agent-runner-job',
          '9000',
          '9000',
          9000,
          LINES['agent-runner-job'] + 1,
        ),
        protocol: 'udp',
        hostIp: '::1',
      },
    ],
    scopes: [
      { path: '', depth: 0, services: ['agent', 'db'], networks: ['default'] },
      {
        path: 'agent',
        depth: 1,
        parent: 'agent',
        services: ['agent-db', 'agent-runner', 'agent-tests'],
        networks: ['agent-default'],
      },
      {
        path: 'agent/runner',
        depth: 2,
        parent: 'agent-runner',
        services: ['agent-runner-job'],
        networks: ['agent-runner-default'],
      },
    ],
  };
}

const LINES = {
  db: 3,
  agent: 6,
  'agent-db': 14,
  'agent-runner': 16,
  'agent-runner-job': 19,
  'agent-tests': 22,
} as const;

function port(
  nestPath: string,
  service: string,
  written: string,
  published: string,
  target: number,
  line: number,
): FlatGraph['ports'][number] {
  return {
    nestPath,
    service,
    index: 0,
    protocol: 'tcp',
    hostIp: '',
    target,
    written,
    published,
    loc: at(line, 11),
  };
}
