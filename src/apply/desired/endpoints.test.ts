import { describe, expect, it } from 'vitest';
import { containerOf, desiredOf } from './test-compile.js';

describe('networks of a container', () => {
  it('creates with the first network by priority, then name, and connects the rest', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    networks:
      alpha: {}
      front: { aliases: [www], priority: 10, ipv4_address: 172.28.0.10 }
      back: { link_local_ips: [169.254.1.1] }
networks:
  alpha: {}
  back: {}
  front: { ipam: { config: [{ subnet: 172.28.0.0/16 }] } }
`);
    const c = containerOf(r, 'demo-web-1');
    expect((c.create.HostConfig as Record<string, unknown>).NetworkMode).toBe('demo_front');
    expect(c.create.NetworkingConfig).toEqual({
      EndpointsConfig: {
        demo_front: {
          Aliases: ['demo-web-1', 'web', 'www'],
          IPAMConfig: { IPv4Address: '172.28.0.10' },
        },
      },
    });
    expect(c.connect).toEqual([
      {
        network: 'demo_alpha',
        aliases: ['demo-web-1', 'web'],
        endpoint: { Aliases: ['demo-web-1', 'web'] },
      },
      {
        network: 'demo_back',
        aliases: ['demo-web-1', 'web'],
        endpoint: { Aliases: ['demo-web-1', 'web'], IPAMConfig: { LinkLocalIPs: ['169.254.1.1'] } },
      },
    ]);
  });

  it('gives a scoped service its flat name and its inner name as aliases on its scope network', () => {
    const r = desiredOf(`
name: ci
services:
  agent:
    image: example/agent
    x-nest:
      services:
        db: { image: postgres }
`);
    const db = containerOf(r, 'ci-agent-db-1');
    expect(db.nestPath).toBe('agent/db');
    expect(db.create.NetworkingConfig).toEqual({
      EndpointsConfig: { 'ci_agent-default': { Aliases: ['ci-agent-db-1', 'agent-db', 'db'] } },
    });
    const agent = containerOf(r, 'ci-agent-1');
    expect(agent.connect.map((a) => a.network)).toEqual(['ci_default']);
    expect((agent.create.HostConfig as Record<string, unknown>).NetworkMode).toBe(
      'ci_agent-default',
    );
  });

  it('sets the first network MAC address on the container config (API 1.41 has no per-network one)', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    networks: { default: { mac_address: "02:42:ac:11:00:02" } }
`);
    expect(containerOf(r, 'demo-web-1').create.MacAddress).toBe('02:42:ac:11:00:02');
  });
});
