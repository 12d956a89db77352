import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCKET, socketGid, socketPath } from './docker-host.js';

describe('socketPath', () => {
  it('is the default socket when DOCKER_HOST is unset or empty', () => {
    expect(socketPath(undefined)).toBe(DEFAULT_SOCKET);
    expect(socketPath('')).toBe(DEFAULT_SOCKET);
  });

  it('is the path of a unix:// DOCKER_HOST', () => {
    expect(socketPath('unix:///run/user/1000/docker.sock')).toBe('/run/user/1000/docker.sock');
  });

  it('is none for a remote engine', () => {
    expect(socketPath('tcp://10.0.0.5:2376')).toBeUndefined();
    expect(socketPath('ssh://ci@build-host')).toBeUndefined();
  });
});

describe('socketGid', () => {
  const stat = (files: Record<string, number>) => (p: string) =>
    p in files ? { gid: files[p]! } : undefined;

  it('is the group of the socket when it exists', () => {
    expect(socketGid(undefined, stat({ [DEFAULT_SOCKET]: 998 }))).toBe(998);
    expect(socketGid('unix:///srv/d.sock', stat({ '/srv/d.sock': 133 }))).toBe(133);
  });

  it('is unknown when the socket is missing or the engine is remote', () => {
    expect(socketGid(undefined, stat({}))).toBeUndefined();
    expect(socketGid('tcp://10.0.0.5:2376', stat({ [DEFAULT_SOCKET]: 998 }))).toBeUndefined();
  });
});
