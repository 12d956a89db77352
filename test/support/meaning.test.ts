import { describe, expect, it } from 'vitest';
import { seconds } from './duration-seconds.js';
import { meaningOf, port, volume, volumesFromService } from './meaning.js';
import { shellSplit, words } from './shell-words.js';

// The differential test is only as strong as this normalizer: these pin the rules it relies on.

describe('shellSplit', () => {
  it('splits as a POSIX shell, keeping quoted spaces and empty quoted words', () => {
    expect(shellSplit(`sh -c "echo 'hello world' && sleep 1"`)).toEqual([
      'sh',
      '-c',
      "echo 'hello world' && sleep 1",
    ]);
    expect(shellSplit(`a '' "b\\"c" d\\ e`)).toEqual(['a', '', 'b"c', 'd e']);
    expect(() => shellSplit(`echo "open`)).toThrow(/unterminated/);
  });

  it('leaves lists alone and maps null to nothing', () => {
    expect(words(['a b'])).toEqual(['a b']);
    expect(words(null)).toBeUndefined();
  });
});

describe('port', () => {
  it('reads short strings, bracketed and bare IPv6, and long entries alike', () => {
    expect(port('127.0.0.1:8081:81/tcp')).toEqual(['127.0.0.1|8081|81|tcp']);
    expect(port('::1:8083:83/tcp')).toEqual(['::1|8083|83|tcp']);
    expect(port('[::1]:8083:83')).toEqual(['::1|8083|83|tcp']);
    expect(port({ target: 83, published: '8083', host_ip: '::1', protocol: 'tcp' })).toEqual([
      '::1|8083|83|tcp',
    ]);
    expect(port({ target: 3000 })).toEqual(['||3000|tcp']);
  });

  it('expands ranges pairwise, and keeps a published range for a single target', () => {
    expect(port('9100-9101:91-92/udp')).toEqual(['|9100|91|udp', '|9101|92|udp']);
    expect(port('7000-7001')).toEqual(['||7000|tcp', '||7001|tcp']);
    expect(port({ target: 90, published: '9090-9091' })).toEqual(['|9090-9091|90|tcp']);
  });
});

describe('volume', () => {
  it('classifies short strings as compose does and defaults to read-write', () => {
    expect(volume('/srv/a:/a:ro')).toBe('bind|/srv/a|/a|ro');
    expect(volume('data:/d:nocopy')).toBe('volume|data|/d|rw');
    expect(volume('/anonymous')).toBe('volume||/anonymous|rw');
    expect(volume({ type: 'bind', source: '/srv/a', target: '/a', read_only: true })).toBe(
      'bind|/srv/a|/a|ro',
    );
  });

  it('compares bind sources path-cleaned, short and long alike, and leaves names alone', () => {
    expect(volume('/var/lib/docker/:/var/lib/docker:ro')).toBe(
      'bind|/var/lib/docker|/var/lib/docker|ro',
    );
    expect(volume({ type: 'bind', source: '/dev//disk/./', target: '/dev/disk' })).toBe(
      'bind|/dev/disk|/dev/disk|rw',
    );
    expect(volume('/:/rootfs:ro')).toBe('bind|/|/rootfs|ro');
    expect(volume({ type: 'volume', source: 'data', target: '/d' })).toBe('volume|data|/d|rw');
  });
});

describe('volumesFromService', () => {
  it('reads every form 1.29 reads', () => {
    expect(volumesFromService('app')).toBe('app');
    expect(volumesFromService('app:ro')).toBe('app');
    expect(volumesFromService('service:app:rw')).toBe('app');
    expect(volumesFromService('container:other')).toBeUndefined();
    expect(volumesFromService('container:other:ro')).toBeUndefined();
    expect(volumesFromService('container')).toBe('container'); // a service named `container`
  });
});

describe('seconds', () => {
  it('reads Go durations and bare numbers', () => {
    expect(seconds('1m30s')).toBe(90);
    expect(seconds('90s')).toBe(90);
    expect(seconds('500ms')).toBe(0.5);
    expect(seconds('1h')).toBe(3600);
    expect(seconds(10)).toBe(10);
    expect(() => seconds('10 parsecs')).toThrow();
  });
});

describe('meaningOf', () => {
  it('treats no networks as the default network, and $$ as $', () => {
    const m = meaningOf(
      { services: { a: { image: 'x', environment: ['A=$$HOME', 'B'] } }, networks: { n: {} } },
      'p',
    );
    expect(m.services.a?.networks).toEqual({ default: [] });
    expect(m.services.a?.environment).toEqual({ A: '$HOME', B: null });
    expect(m.networks).toEqual({ n: 'p_n' });
  });

  it('rejects a printed file that would be interpolated again', () => {
    expect(() => meaningOf({ services: { a: { image: '$TAG' } } }, 'p')).toThrow(/uninterpolated/);
  });

  it('treats a disabled healthcheck and test NONE alike', () => {
    const a = meaningOf({ services: { a: { healthcheck: { disable: true } } } }, 'p');
    const b = meaningOf({ services: { a: { healthcheck: { test: ['NONE'] } } } }, 'p');
    expect(a).toEqual(b);
  });

  it('counts network_mode service:, links and volumes_from as dependencies', () => {
    const m = meaningOf(
      {
        services: {
          a: {
            network_mode: 'service:net',
            links: ['db:database'],
            volumes_from: ['data:ro', 'container:other'],
            depends_on: { db: { condition: 'service_healthy' } },
          },
        },
      },
      'p',
    );
    expect(m.services.a?.depends_on).toEqual({
      net: 'service_started',
      db: 'service_healthy',
      data: 'service_started',
    });
  });

  it('counts the services 1.29 prints as service:NAME:MODE in volumes_from, not containers', () => {
    const m = meaningOf(
      {
        services: {
          a: { volumes_from: ['service:app:rw', 'service:data:ro', 'container:other:rw'] },
        },
      },
      'p',
    );
    expect(m.services.a?.depends_on).toEqual({
      app: 'service_started',
      data: 'service_started',
    });
  });

  it('filters by profiles only when asked', () => {
    const doc = { services: { a: { image: 'x' }, b: { image: 'x', profiles: ['debug'] } } };
    expect(Object.keys(meaningOf(doc, 'p').services)).toEqual(['a', 'b']);
    expect(Object.keys(meaningOf(doc, 'p', { activeProfiles: [] }).services)).toEqual(['a']);
  });
});
