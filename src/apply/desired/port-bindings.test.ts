import { describe, expect, it } from 'vitest';
import { PORTS_LABEL, parsePortsLabel } from './ports-label.js';
import { containerOf, desiredOf } from './test-compile.js';

describe('ports', () => {
  it('binds published ports, ephemeral ones with HostPort "", ranges as written, and exposes', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    ports: ["8080:80", "127.0.0.1::81", "9000-9005:90", "53:53/udp"]
    expose: ["3000-3001", "7000/udp"]
`);
    const c = containerOf(r, 'demo-web-1');
    expect((c.create.HostConfig as Record<string, unknown>).PortBindings).toEqual({
      '80/tcp': [{ HostIp: '', HostPort: '8080' }],
      '81/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      '90/tcp': [{ HostIp: '', HostPort: '9000-9005' }],
      '53/udp': [{ HostIp: '', HostPort: '53' }],
    });
    expect(Object.keys(c.create.ExposedPorts as object).sort()).toEqual(
      ['3000/tcp', '3001/tcp', '7000/udp', '80/tcp', '81/tcp', '90/tcp', '53/udp'].sort(),
    );
  });

  it('records the port map of the service in the io.nestc.ports label, moved ports included', () => {
    const r = desiredOf(`
name: demo
services:
  web:
    image: x
    ports: ["8080:80"]
  agent:
    image: x
    x-nest:
      services:
        app:
          image: x
          ports: ["127.0.0.1::1", "8080:80"]
`);
    const app = containerOf(r, 'demo-agent-app-1');
    const label = (app.create.Labels as Record<string, string>)[PORTS_LABEL];
    expect(label).toMatch(/^1=2\d{4}$/);
    expect(parsePortsLabel(label).get(1)).toBe(
      r.state?.ports.find((p) => p.service === 'agent-app')?.published,
    );
    expect(
      (containerOf(r, 'demo-web-1').create.Labels as Record<string, string>)[PORTS_LABEL],
    ).toBe('0=8080');
    expect(PORTS_LABEL in (containerOf(r, 'demo-agent-1').create.Labels as object)).toBe(false);
  });

  it('reads a ports label back, skipping malformed pairs', () => {
    expect([...parsePortsLabel('0=30000,3=30003-30005,x=1,=2')]).toEqual([
      [0, '30000'],
      [3, '30003-30005'],
    ]);
    expect(parsePortsLabel(undefined).size).toBe(0);
  });
});
