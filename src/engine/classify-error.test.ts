import { describe, expect, it } from 'vitest';
import { toEngineError, type CallInfo } from './classify-error.js';
import { EngineError } from './engine-error.js';

const SOCK = 'unix:///var/run/docker.sock';
const sysErr = (code: string, message: string): Error =>
  Object.assign(new Error(message), { code });
const http = (statusCode: number, message: string): Error =>
  Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), {
    statusCode,
    json: { message },
  });
const at = (op: CallInfo['op'], target?: string): CallInfo => ({
  op,
  address: SOCK,
  ...(target ? { target } : {}),
});

describe('toEngineError', () => {
  it('maps a missing socket file to engine-unreachable, naming the address', () => {
    const e = toEngineError(
      sysErr('ENOENT', 'connect ENOENT /var/run/docker.sock'),
      at('container.list'),
    );
    expect(e.code).toBe('engine-unreachable');
    expect(e.diagnostic).toMatchObject({
      code: 'engine-unreachable',
      severity: 'error',
      summary: 'no Docker engine answers at unix:///var/run/docker.sock',
      detail: 'listing containers: connect ENOENT /var/run/docker.sock',
    });
    expect(e.diagnostic.hint).toMatch(/DOCKER_HOST/);
    expect(e.diagnostic.loc).toBeUndefined();
  });

  it('maps a refused TCP connection to engine-unreachable', () => {
    const e = toEngineError(sysErr('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375'), {
      op: 'system.version',
      address: 'tcp://127.0.0.1:2375',
    });
    expect(e.code).toBe('engine-unreachable');
    expect(e.diagnostic.summary).toBe('no Docker engine answers at tcp://127.0.0.1:2375');
  });

  it('maps EACCES on the socket to engine-permission-denied with the docker group hint', () => {
    const e = toEngineError(
      sysErr('EACCES', 'connect EACCES /var/run/docker.sock'),
      at('container.list'),
    );
    expect(e.code).toBe('engine-permission-denied');
    expect(e.diagnostic.summary).toBe(
      'permission denied on the Docker socket at unix:///var/run/docker.sock',
    );
    expect(e.diagnostic.hint).toContain('usermod -aG docker');
  });

  it('maps a 409 name conflict to engine-name-in-use, naming the container and its holder', () => {
    const e = toEngineError(
      http(
        409,
        'Conflict. The container name "/web-1" is already in use by container "bf1ba3d7f12a9e7c97a6". You have to remove (or rename) that container to be able to reuse that name.',
      ),
      at('container.create', 'web-1'),
    );
    expect(e.code).toBe('engine-name-in-use');
    expect(e.statusCode).toBe(409);
    expect(e.diagnostic.summary).toBe(
      'container name "web-1" is already in use by container bf1ba3d7f12a',
    );
    expect(e.diagnostic.hint).toContain('container_name');
  });

  it('maps an existing network name to engine-name-in-use', () => {
    const e = toEngineError(
      http(409, 'network with name app_default already exists'),
      at('network.create', 'app_default'),
    );
    expect(e.code).toBe('engine-name-in-use');
    expect(e.diagnostic.summary).toBe('network name "app_default" is already in use');
  });

  it('keeps other 409 answers (remove a running container) as engine-error', () => {
    const e = toEngineError(
      http(
        409,
        'You cannot remove a running container abc. Stop the container before attempting removal or force remove',
      ),
      at('container.remove', 'web-1'),
    );
    expect(e.code).toBe('engine-error');
    expect(e.diagnostic.summary).toMatch(/^removing container "web-1" failed: You cannot remove/);
  });

  it('maps "port is already allocated" to engine-port-taken with the binding', () => {
    const e = toEngineError(
      http(
        500,
        'driver failed programming external connectivity on endpoint web-1 (1127c88): Bind for 127.0.0.1:28999 failed: port is already allocated',
      ),
      at('container.start', 'web-1'),
    );
    expect(e.code).toBe('engine-port-taken');
    expect(e.diagnostic.summary).toBe(
      'starting container "web-1": host port 127.0.0.1:28999 is already allocated by another container',
    );
  });

  it('maps "address already in use" to engine-port-taken by a process outside the engine', () => {
    const e = toEngineError(
      http(
        500,
        'driver failed programming external connectivity on endpoint web-1 (1127c88): Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use',
      ),
      at('container.start', 'web-1'),
    );
    expect(e.code).toBe('engine-port-taken');
    expect(e.diagnostic.summary).toBe(
      'starting container "web-1": host port 0.0.0.0:8080 is in use by a process outside the engine',
    );
  });

  it('maps a missing image to engine-not-found, naming the image', () => {
    const e = toEngineError(
      http(404, 'No such image: acme/app:2'),
      at('container.create', 'web-1'),
    );
    expect(e.code).toBe('engine-not-found');
    expect(e.diagnostic.summary).toBe('image "acme/app:2" is not present on the engine');
    expect(e.diagnostic.hint).toContain('docker pull acme/app:2');
  });

  it('maps a missing container or network to engine-not-found', () => {
    const c = toEngineError(
      http(404, 'No such container: web-1'),
      at('container.inspect', 'web-1'),
    );
    expect(c.diagnostic.summary).toBe('container "web-1" does not exist on the engine');
    const n = toEngineError(
      http(404, 'network app_back not found'),
      at('network.connect', 'web-1'),
    );
    expect(n.diagnostic.summary).toBe('network "app_back" does not exist on the engine');
  });

  it('maps anything else to engine-error with the engine message on one line', () => {
    const e = toEngineError(
      http(500, 'invalid mount config:\n  bind source path does not exist'),
      at('container.create', 'web-1'),
    );
    expect(e.code).toBe('engine-error');
    expect(e.diagnostic.summary).toBe(
      'creating container "web-1" failed: invalid mount config: bind source path does not exist',
    );
    expect(e.diagnostic.detail).toBe('the engine answered HTTP 500');
  });

  it('passes an EngineError through unchanged', () => {
    const original = toEngineError(http(404, 'No such image: x:1'), at('container.create', 'a'));
    expect(toEngineError(original, at('container.start', 'b'))).toBe(original);
    expect(original).toBeInstanceOf(EngineError);
  });
});
