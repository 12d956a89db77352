import { describe, expect, it } from 'vitest';
import { detailsFromInspect, healthFromStatus, summaryFromList } from './docker-container-map.js';

describe('container list entries', () => {
  it('strips the leading slash, keeps published ports only, and sorts networks', () => {
    const s = summaryFromList({
      Id: 'abc',
      Names: ['/web-1', '/other/web'],
      Image: 'nestc-test/busybox:1',
      ImageID: 'sha256:461c',
      Labels: { 'io.nestc.project': 'app' },
      State: 'running',
      Status: 'Up 3 seconds (healthy)',
      Ports: [
        { IP: '127.0.0.1', PrivatePort: 80, PublicPort: 28999, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
      ],
      NetworkSettings: { Networks: { zeta: {}, alpha: {} } },
    });
    expect(s).toEqual({
      id: 'abc',
      name: 'web-1',
      labels: { 'io.nestc.project': 'app' },
      state: 'running',
      health: 'healthy',
      ports: [{ hostIp: '127.0.0.1', hostPort: 28999, containerPort: 80, protocol: 'tcp' }],
      networks: ['alpha', 'zeta'],
      image: 'nestc-test/busybox:1',
      imageId: 'sha256:461c',
    });
  });

  it('reports no health for a container that is not running', () => {
    const s = summaryFromList({ Id: 'x', Names: ['/x'], State: 'exited', Status: 'Exited (0)' });
    expect(s.health).toBeUndefined();
    expect(s.state).toBe('exited');
  });

  it.each([
    ['Up 2 seconds (health: starting)', 'starting'],
    ['Up 5 minutes (unhealthy)', 'unhealthy'],
    ['Up 5 minutes', 'none'],
  ])('reads health from "%s"', (status, health) => {
    expect(healthFromStatus(status)).toBe(health);
  });
});

describe('container inspect answers', () => {
  it('reads state, health, exit code, bindings and mounts', () => {
    const d = detailsFromInspect({
      Id: 'abc',
      Name: '/db-1',
      Image: 'sha256:461c',
      Config: { Image: 'postgres:16', Labels: { a: 'b' } },
      State: { Status: 'exited', ExitCode: 3, Error: '', Health: { Status: 'healthy' } },
      HostConfig: { PortBindings: { '5432/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      NetworkSettings: { Ports: {}, Networks: { app_default: {} } },
      Mounts: [{ Type: 'volume', Name: 'app_data', Source: '/x', Destination: '/data' }],
    });
    expect(d).toMatchObject({
      name: 'db-1',
      state: 'exited',
      exitCode: 3,
      ports: [],
      portBindings: [{ hostIp: '127.0.0.1', hostPort: 0, containerPort: 5432, protocol: 'tcp' }],
      mounts: [{ type: 'volume', name: 'app_data', source: '/x', destination: '/data' }],
      networks: ['app_default'],
      image: 'postgres:16',
      imageId: 'sha256:461c',
    });
    expect(d.health).toBeUndefined();
    expect(d.error).toBeUndefined();
  });

  it("gives a running container without a healthcheck health 'none'", () => {
    const d = detailsFromInspect({ Id: 'a', Name: '/a', Image: 'i', State: { Status: 'running' } });
    expect(d.health).toBe('none');
  });
});
