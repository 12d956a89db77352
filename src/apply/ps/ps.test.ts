import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../engine/types.js';
import { LABELS } from '../types.js';
import { bindingsOf, hostAddress, parsePortSpec, serviceRows } from './port-lookup.js';
import { psRows } from './ps-rows.js';

function c(name: string, path: string, service: string, number = 1): ContainerSummary {
  return {
    id: `id-${name}`,
    name,
    labels: {
      [LABELS.project]: 'ci',
      [LABELS.path]: path,
      [LABELS.service]: service,
      [LABELS.number]: String(number),
    },
    state: 'running',
    health: 'none',
    ports: [],
    networks: [],
    image: 'busybox',
    imageId: 'sha256:1',
  };
}

describe('psRows', () => {
  it('orders rows by nest path, then replica number, whatever the engine order', () => {
    const rows = psRows([
      c('ci-web-1', 'web', 'web'),
      c('ci-agent-db-2', 'agent/db', 'agent-db', 2),
      c('ci-agent-db-10', 'agent/db', 'agent-db', 10),
      c('ci-agent-1', 'agent', 'agent'),
      c('ci-agent-db-1', 'agent/db', 'agent-db', 1),
    ]);
    expect(rows.map((r) => r.name)).toEqual([
      'ci-agent-1',
      'ci-agent-db-1',
      'ci-agent-db-2',
      'ci-agent-db-10',
      'ci-web-1',
    ]);
    expect(rows[1]).toMatchObject({ service: 'agent-db', nestPath: 'agent/db', number: 1 });
  });

  it('falls back to the flat name when the path label is missing', () => {
    const x = c('x-1', '', 'x');
    delete x.labels[LABELS.path];
    expect(psRows([x])[0]?.nestPath).toBe('x');
  });
});

describe('port lookup', () => {
  const db = {
    ...c('ci-agent-db-1', 'agent/db', 'agent-db'),
    ports: [
      { hostIp: '::', hostPort: 20000, containerPort: 5432, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 20000, containerPort: 5432, protocol: 'tcp' },
      { hostIp: '127.0.0.1', hostPort: 20001, containerPort: 53, protocol: 'udp' },
    ],
  };
  const rows = psRows([db, c('ci-agent-db-2', 'agent/db', 'agent-db', 2)]);

  it('parses PORT and PORT/PROTO, and rejects anything else', () => {
    expect(parsePortSpec('5432')).toEqual({ port: 5432, protocol: 'tcp' });
    expect(parsePortSpec('53/UDP')).toEqual({ port: 53, protocol: 'udp' });
    for (const bad of ['0', '65536', 'http', '80/icmp', '80-81', '']) {
      expect(parsePortSpec(bad), bad).toBeUndefined();
    }
  });

  it('finds a service by nest path, flat name or container name, replica 1 first', () => {
    expect(serviceRows(rows, 'agent/db').map((r) => r.name)).toEqual([
      'ci-agent-db-1',
      'ci-agent-db-2',
    ]);
    expect(serviceRows(rows, 'agent-db')).toHaveLength(2);
    expect(serviceRows(rows, 'ci-agent-db-2').map((r) => r.number)).toEqual([2]);
    expect(serviceRows(rows, 'agent/nope')).toEqual([]);
  });

  it('gives the IPv4 binding first and prints host addresses as HOST:PORT', () => {
    const [first, second] = bindingsOf(rows[0]!, { port: 5432, protocol: 'tcp' });
    expect(hostAddress(first!)).toBe('0.0.0.0:20000');
    expect(hostAddress(second!)).toBe('[::]:20000');
    expect(bindingsOf(rows[0]!, { port: 5432, protocol: 'udp' })).toEqual([]);
    expect(hostAddress({ hostIp: '', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe(
      '0.0.0.0:8080',
    );
  });
});
