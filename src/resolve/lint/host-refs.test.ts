import { describe, expect, it } from 'vitest';
import { findHostPortRefs } from './host-refs.js';

describe('findHostPortRefs', () => {
  it('finds each host-only address with a port, in URLs too', () => {
    const refs = findHostPortRefs(
      'postgres://u:p@localhost:5432/db,http://[::1]:8080/x 172.17.0.1:6379 host.docker.internal:9000 127.0.0.1:1',
    );
    expect(refs.map((r) => r.text)).toEqual([
      'localhost:5432',
      '[::1]:8080',
      '172.17.0.1:6379',
      'host.docker.internal:9000',
      '127.0.0.1:1',
    ]);
  });

  it('ignores longer names, other addresses and hosts without a port', () => {
    expect(
      findHostPortRefs(
        'mylocalhost:80 localhost.example:80 10.127.0.0.1:80 172.17.0.10:80 localhost',
      ),
    ).toEqual([]);
  });

  it('matches names case-insensitively and ignores port numbers out of range', () => {
    expect(findHostPortRefs('LOCALHOST:5432 localhost:70000').map((r) => r.port)).toEqual([5432]);
  });
});
