import { describe, expect, it } from 'vitest';
import type { PsRow } from '../apply/ps/ps-rows.js';
import { psJson } from './ps-json.js';
import { portMappingsText, psText, upPortsText } from './ps-text.js';

const ROWS: PsRow[] = [
  {
    name: 'ci-agent-1',
    service: 'agent',
    nestPath: 'agent',
    number: 1,
    state: 'running',
    health: 'none',
    ports: [],
  },
  {
    name: 'ci-agent-db-1',
    service: 'agent-db',
    nestPath: 'agent/db',
    number: 1,
    state: 'running',
    health: 'healthy',
    ports: [
      { hostIp: '127.0.0.1', hostPort: 20000, containerPort: 5432, protocol: 'tcp' },
      { hostIp: '::1', hostPort: 20000, containerPort: 5432, protocol: 'tcp' },
    ],
  },
  {
    name: 'ci-job-1',
    service: 'job',
    nestPath: 'job',
    number: 1,
    state: 'exited',
    ports: [],
  },
];

describe('ps views', () => {
  it('lays out a table with the nest path beside the flat name, no trailing spaces', () => {
    expect(psText(ROWS)).toBe(
      [
        'NAME           SERVICE   NEST PATH  STATE    HEALTH   PORTS',
        'ci-agent-1     agent     agent      running  -',
        'ci-agent-db-1  agent-db  agent/db   running  healthy  127.0.0.1:20000->5432/tcp, [::1]:20000->5432/tcp',
        'ci-job-1       job       job        exited   -',
        '',
      ].join('\n'),
    );
  });

  it('prints only the header for a project without containers', () => {
    expect(psText([])).toBe('NAME  SERVICE  NEST PATH  STATE  HEALTH  PORTS\n');
  });

  it('gives the JSON document with null health when there is none', () => {
    const doc = psJson('ci', ROWS);
    expect(doc.format_version).toBe('1');
    expect(doc.containers.map((c) => c.health)).toEqual([null, 'healthy', null]);
    expect(doc.containers[1]?.ports[0]).toEqual({
      host_ip: '127.0.0.1',
      host_port: 20000,
      target: 5432,
      protocol: 'tcp',
    });
  });

  it('lists the mappings of a container as docker port does', () => {
    expect(portMappingsText(ROWS[1]!)).toBe(
      '5432/tcp -> 127.0.0.1:20000\n5432/tcp -> [::1]:20000\n',
    );
  });

  it('prints the port map of up from what the containers publish', () => {
    expect(upPortsText(ROWS)).toBe(
      'Ports (nest path: container port -> host address):\n' +
        '  agent/db  5432/tcp -> 127.0.0.1:20000\n' +
        '  agent/db  5432/tcp -> [::1]:20000\n',
    );
    expect(upPortsText([ROWS[0]!])).toBe('Ports: none published\n');
  });
});
