import { describe, expect, it } from 'vitest';
import { imagePresent, listedImageRef } from './image-ref.js';

describe('listedImageRef', () => {
  it('adds :latest to a name without tag, not to a registry port', () => {
    expect(listedImageRef('busybox')).toBe('busybox:latest');
    expect(listedImageRef('localhost:5000/tools/cli')).toBe('localhost:5000/tools/cli:latest');
    expect(listedImageRef('localhost:5000/tools/cli:2')).toBe('localhost:5000/tools/cli:2');
  });

  it('drops the Docker Hub prefixes the engine does not list', () => {
    expect(listedImageRef('docker.io/library/redis:7')).toBe('redis:7');
    expect(listedImageRef('docker.io/bitnami/redis')).toBe('bitnami/redis:latest');
  });

  it('keeps digests and ids as written', () => {
    expect(listedImageRef('redis@sha256:' + 'c'.repeat(64))).toBe('redis@sha256:' + 'c'.repeat(64));
    expect(listedImageRef('0123456789ab')).toBe('0123456789ab');
  });
});

describe('imagePresent', () => {
  const images = new Set(['busybox:latest', 'sha256:' + '0123456789ab'.padEnd(64, 'f')]);

  it('finds a name in its listed form', () => {
    expect(imagePresent('busybox', images)).toBe(true);
    expect(imagePresent('docker.io/library/busybox:latest', images)).toBe(true);
    expect(imagePresent('busybox:1', images)).toBe(false);
  });

  it('finds an id by its full form or a prefix', () => {
    expect(imagePresent('0123456789ab', images)).toBe(true);
    expect(imagePresent('sha256:' + '0123456789ab'.padEnd(64, 'f'), images)).toBe(true);
    expect(imagePresent('0123456789ac', images)).toBe(false);
  });
});
