import { describe, expect, it } from 'vitest';
import type { ResolveOptions } from '../types.js';
import { buildTree } from './test-tree.js';

const tree = (options: ResolveOptions = {}, socket = 'host', parentExtra = '') =>
  buildTree(
    `
services:
  agent:
    image: a
    volumes: ["/srv/repo:/workspace"]${parentExtra}
    x-nest:
      socket: ${socket}
      services:
        tests:
          image: t
          volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
`,
    options,
  );

describe('applySocket', () => {
  it('mounts the default socket into the parent, at the same path', () => {
    const t = tree();
    t.runPaths();
    expect(t.node('agent').service.volumes?.[1]).toEqual({
      type: 'bind',
      source: '/var/run/docker.sock',
      target: '/var/run/docker.sock',
    });
  });

  it('mounts the socket DOCKER_HOST names', () => {
    const t = tree({ dockerHost: 'unix:///run/user/1000/docker.sock' });
    const agent = t.node('agent');
    t.runPaths();
    expect(agent.service.volumes?.[1]).toMatchObject({
      source: '/run/user/1000/docker.sock',
      target: '/run/user/1000/docker.sock',
    });
  });

  it("adds the socket's group as a string", () => {
    const t = tree({ socketGid: 998 }, 'host', '\n    group_add: [wheel]');
    t.runPaths();
    expect(t.node('agent').service.group_add).toEqual(['wheel', '998']);
  });

  it('does not mount the socket twice', () => {
    const t = tree({}, 'host', '\n    group_add: ["998"]');
    t.node('agent').service.volumes?.push({
      type: 'bind',
      source: '/var/run/docker.sock',
      target: '/var/run/docker.sock/',
    });
    t.ctx.options.socketGid = 998;
    t.runPaths();
    expect(t.node('agent').service.volumes).toHaveLength(2);
    expect(t.node('agent').service.group_add).toEqual(['998']);
  });

  it('passes a tcp:// engine as DOCKER_HOST instead of a mount', () => {
    const t = buildTree(
      `
services:
  agent:
    image: a
    x-nest: { socket: host, services: {} }
`,
      { dockerHost: 'tcp://10.0.0.1:2376', socketGid: 998 },
    );
    t.runPaths();
    const s = t.node('agent').service;
    expect(s.environment).toEqual({ DOCKER_HOST: 'tcp://10.0.0.1:2376' });
    expect(s.volumes).toBeUndefined();
    expect(s.group_add).toBeUndefined();
  });

  it('keeps a DOCKER_HOST the service sets itself', () => {
    const t = buildTree(
      `
services:
  agent:
    image: a
    environment: { DOCKER_HOST: "ssh://me@builder" }
    x-nest: { socket: host, services: {} }
`,
      { dockerHost: 'ssh://other' },
    );
    t.runPaths();
    expect(t.node('agent').service.environment).toEqual({ DOCKER_HOST: 'ssh://me@builder' });
  });

  it('warns at the socket key of x-nest', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    x-nest:
      services: {}
      socket: host
`);
    t.runPaths();
    expect(t.diags.items.map((d) => [d.code, d.severity, d.loc?.line])).toEqual([
      ['nest-socket-host', 'warning', t.line('socket: host')],
    ]);
  });
});

describe("a child's bind of the socket", () => {
  it('gets the host socket, with a warning at its entry, when the parent has it', () => {
    const t = tree();
    t.runPaths();
    expect(t.node('agent/tests').service.volumes?.[0]?.source).toBe('/var/run/docker.sock');
    const line = t.line('/var/run/docker.sock:/var/run/docker.sock');
    expect(t.diags.items.map((d) => `${d.code}:${d.severity}@${d.loc?.line}`)).toEqual([
      `nest-socket-host:warning@${t.line('socket: host')}`,
      `nest-socket-host:warning@${line}`,
    ]);
  });

  it('is an error telling to share the socket when the parent does not have it', () => {
    const t = tree({}, 'none');
    t.runPaths();
    expect(t.diags.items.map((d) => `${d.code}@${d.loc?.line}`)).toEqual([
      `nest-socket-not-shared@${t.line('/var/run/docker.sock:/var/run/docker.sock')}`,
    ]);
    expect(t.diags.items[0]?.hint).toContain('x-nest.socket: host');
  });

  it('is an error pointing at DOCKER_HOST when the engine is remote', () => {
    const t = tree({ dockerHost: 'tcp://10.0.0.1:2376' });
    t.runPaths();
    const err = t.diags.items.find((d) => d.severity === 'error');
    expect(err?.code).toBe('nest-socket-not-shared');
    expect(err?.hint).toContain('DOCKER_HOST=tcp://10.0.0.1:2376');
  });

  it('goes down the chain through a parent that got it from its own parent', () => {
    const t = buildTree(`
services:
  agent:
    image: a
    x-nest:
      socket: host
      services:
        runner:
          image: r
          volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
          x-nest:
            socket: host
            services:
              step: { image: s, volumes: ["/var/run/docker.sock:/docker.sock"] }
`);
    t.runPaths();
    expect(t.diags.hasErrors()).toBe(false);
    expect(t.node('agent/runner').service.volumes).toHaveLength(1);
    expect(t.node('agent/runner/step').service.volumes?.[0]?.source).toBe('/var/run/docker.sock');
  });
});
