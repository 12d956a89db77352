import { describe, expect, it } from 'vitest';
import { parseDockerHost } from './docker-host.js';
import { EngineError } from './engine-error.js';

describe('parseDockerHost', () => {
  it('uses the default socket when DOCKER_HOST is unset or empty', () => {
    expect(parseDockerHost({})).toEqual({
      kind: 'unix',
      address: 'unix:///var/run/docker.sock',
      socketPath: '/var/run/docker.sock',
    });
    expect(parseDockerHost({ DOCKER_HOST: '  ' }).address).toBe('unix:///var/run/docker.sock');
  });

  it('reads a unix:// socket path', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual({
      kind: 'unix',
      address: 'unix:///run/user/1000/docker.sock',
      socketPath: '/run/user/1000/docker.sock',
    });
  });

  it('reads tcp:// with and without a port, and a bare HOST:PORT', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual({
      kind: 'tcp',
      address: 'tcp://10.0.0.5:2375',
      host: '10.0.0.5',
      port: 2375,
      tls: false,
    });
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://engine.local' }).address).toBe(
      'tcp://engine.local:2375',
    );
    expect(parseDockerHost({ DOCKER_HOST: 'engine.local:4243' }).address).toBe(
      'tcp://engine.local:4243',
    );
  });

  it('turns TLS on with DOCKER_TLS_VERIFY or port 2376, defaulting the port to 2376', () => {
    const verify = parseDockerHost({ DOCKER_HOST: 'tcp://engine.local', DOCKER_TLS_VERIFY: '1' });
    expect(verify).toMatchObject({ tls: true, port: 2376 });
    expect(parseDockerHost({ DOCKER_HOST: 'tcp://engine.local:2376' })).toMatchObject({
      tls: true,
    });
  });

  it('reads ssh:// with a user and a default port of 22', () => {
    expect(parseDockerHost({ DOCKER_HOST: 'ssh://ci@builder' })).toEqual({
      kind: 'ssh',
      address: 'ssh://ci@builder:22',
      host: 'builder',
      port: 22,
      username: 'ci',
    });
  });

  it.each([
    ['npipe:////./pipe/docker_engine', 'named pipes exist only on Windows'],
    ['fd://3', 'not fd://'],
    ['unix://relative.sock', 'must be absolute'],
    ['tcp://', 'it names no host'],
    ['tcp://[::1', 'not an address'],
  ])('rejects %s as engine-host-invalid', (value, why) => {
    let err: unknown;
    try {
      parseDockerHost({ DOCKER_HOST: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    const e = err as EngineError;
    expect(e.code).toBe('engine-host-invalid');
    expect(e.diagnostic.summary).toContain(`DOCKER_HOST="${value}"`);
    expect(e.diagnostic.summary).toContain(why);
    expect(e.diagnostic.loc).toBeUndefined();
  });
});
