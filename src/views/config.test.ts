import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProject } from '../loader/load.js';
import type { Project } from '../model/compose.js';
import { readsAsNonString, renderConfig } from './config.js';

/** A project loaded from inline YAML, so that "written" positions are real. */
function loadInline(text: string): Project {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nestc-config-view-'));
  try {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), text);
    const r = loadProject({ files: ['compose.yaml'], cwd: dir, env: {} });
    if (!r.project) throw new Error(JSON.stringify(r.diagnostics));
    return r.project;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const project = (): Project => ({
  'x-top': { z: 1, a: 2 },
  volumes: { data: {} },
  services: {
    web: {
      image: 'nginx',
      environment: { B: 'yes', A: '0755', C: '1e3', D: '12:30', E: 'plain', F: null },
      ports: [{ target: 80, published: '8080', protocol: 'tcp', host_ip: '127.0.0.1' }],
      volumes: [
        {
          type: 'bind',
          source: '/srv/a',
          target: '/a',
          read_only: true,
          bind: { create_host_path: true },
        },
        { type: 'volume', source: 'data', target: '/d', volume: { nocopy: true } },
      ],
      depends_on: { db: { condition: 'service_healthy', required: true, restart: false } },
      env_file: [{ path: '/p/.env', required: true }],
      command: null,
    },
    db: { image: 'postgres' },
  },
  name: 'demo',
});

describe('renderConfig', () => {
  it('orders top-level keys as compose does, then x-*, and sorts nested keys', () => {
    const out = renderConfig(project(), 'yaml');
    const top = out
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(':')[0]);
    expect(top).toEqual(['name', 'services', 'volumes', 'x-top']);
    expect(out.indexOf('  db:')).toBeLessThan(out.indexOf('  web:'));
    expect(out.indexOf('A: "0755"')).toBeLessThan(out.indexOf('B: "yes"'));
  });

  it('quotes strings that a YAML 1.1 or 1.2 reader would read as another type', () => {
    const out = renderConfig(project(), 'yaml');
    for (const s of ['"yes"', '"0755"', '"1e3"', '"12:30"']) expect(out).toContain(s);
    expect(out).toContain('E: plain');
    // Read back with both schemas: every string is still that string.
    for (const schema of ['core', 'yaml-1.1'] as const) {
      const env = parse(out, { schema }).services.web.environment;
      expect(env).toEqual({ A: '0755', B: 'yes', C: '1e3', D: '12:30', E: 'plain', F: null });
    }
  });

  it('knows which plain scalars change type', () => {
    for (const s of [
      'yes',
      'off',
      '0755',
      '1e3',
      '1_000',
      '12:30',
      '2001-12-14',
      '~',
      '=',
      'true',
      '0o17',
    ])
      expect(readsAsNonString(s), s).toBe(true);
    for (const s of ['nginx', 'a b', 'service_healthy', '/srv/a'])
      expect(readsAsNonString(s), s).toBe(false);
  });

  it('escapes $ in values (the text is a Compose file, interpolated again) but not in keys', () => {
    const p: Project = {
      name: 'x',
      services: { a: { image: 'busybox', environment: { $KEY: 'cost: $5 ${X}' } } },
    };
    const env = parse(renderConfig(p, 'yaml')).services.a.environment;
    expect(env).toEqual({ $KEY: 'cost: $$5 $${X}' });
    expect(JSON.parse(renderConfig(p, 'json')).services.a.environment.$KEY).toBe('cost: $$5 $${X}');
  });

  it('never emits anchors, even when the model shares an object', () => {
    const shared = { A: '1' };
    const p: Project = {
      name: 'x',
      services: { a: { environment: shared }, b: { environment: shared } },
    };
    const out = renderConfig(p, 'yaml');
    expect(out).not.toMatch(/[&*]a\d/);
    expect(parse(out).services.b.environment).toEqual({ A: '1' });
  });

  it('is deterministic regardless of insertion order', () => {
    const a = project();
    const b: Project = { name: 'demo', services: {} };
    for (const k of Object.keys(a.services).reverse()) b.services[k] = a.services[k]!;
    Object.assign(b, { volumes: a.volumes, 'x-top': a['x-top'] });
    expect(renderConfig(b, 'yaml')).toBe(renderConfig(a, 'yaml'));
  });

  it('prints JSON with sorted keys, 2-space indent and a trailing newline', () => {
    const out = renderConfig(project(), 'json');
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "name": "demo"');
    const parsed = JSON.parse(out);
    expect(Object.keys(parsed)).toEqual(['name', 'services', 'volumes', 'x-top']);
    expect(Object.keys(parsed['x-top'])).toEqual(['a', 'z']);
    expect(parsed.services.web.environment.A).toBe('0755');
  });

  it('keeps the full spec form by default', () => {
    const web = parse(renderConfig(project(), 'yaml')).services.web;
    expect(web.ports[0]).toEqual({
      target: 80,
      published: '8080',
      protocol: 'tcp',
      host_ip: '127.0.0.1',
    });
    expect(web.depends_on.db.required).toBe(true);
    expect(web.command).toBeNull();
  });

  describe('compose-v1 dialect', () => {
    const v1 = () => parse(renderConfig(project(), 'yaml', { dialect: 'compose-v1' }));

    it('drops the top-level name (1.29 rejects it; -p carries it)', () => {
      expect(v1().name).toBeUndefined();
    });

    it('writes ports with a host IP or a host range in the short syntax', () => {
      expect(v1().services.web.ports).toEqual(['127.0.0.1:8080:80/tcp']);
      const p = project();
      p.services.web!.ports = [
        { target: 80, published: '9000-9001', protocol: 'udp' },
        { target: 70, published: '7000', protocol: 'tcp', host_ip: '::1' },
        { target: 81, published: '8081', protocol: 'tcp' },
      ];
      const ports = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' })).services.web.ports;
      expect(ports).toEqual([
        '9000-9001:80/udp',
        '[::1]:7000:70/tcp',
        { target: 81, published: 8081, protocol: 'tcp' },
      ]);
    });

    it('writes create_host_path binds short, and leaves other volumes long', () => {
      expect(v1().services.web.volumes).toEqual([
        '/srv/a:/a:ro',
        { type: 'volume', source: 'data', target: '/d', volume: { nocopy: true } },
      ]);
    });

    it('writes bind selinux and propagation as short-syntax modes', () => {
      const p = project();
      p.services.web!.volumes = [
        {
          type: 'bind',
          source: '/s',
          target: '/t',
          bind: { create_host_path: true, selinux: 'z' },
        },
        {
          type: 'bind',
          source: '/s',
          target: '/u',
          read_only: true,
          bind: { create_host_path: true, propagation: 'rshared' },
        },
        { type: 'bind', source: '/s', target: '/v', bind: { create_host_path: false } },
      ];
      const vols = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' })).services.web.volumes;
      expect(vols).toEqual([
        '/s:/t:z',
        '/s:/u:ro,rshared',
        { type: 'bind', source: '/s', target: '/v', bind: { create_host_path: false } },
      ]);
    });

    it('writes a named volume with selinux short, with ro and nocopy as modes', () => {
      const p = project();
      p.services.web!.volumes = [
        { type: 'volume', source: 'data', target: '/a', bind: { selinux: 'z' }, volume: {} },
        {
          type: 'volume',
          source: 'data',
          target: '/b',
          read_only: true,
          bind: { selinux: 'Z' },
          volume: { nocopy: true },
        },
        {
          type: 'volume',
          source: 'data',
          target: '/c',
          bind: { selinux: 'z' },
          volume: { subpath: 's' },
        },
      ];
      const vols = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' })).services.web.volumes;
      expect(vols).toEqual([
        'data:/a:z',
        'data:/b:ro,nocopy,Z',
        // `subpath` has no short form: kept long, so 1.29 rejects rather than drops it
        {
          type: 'volume',
          source: 'data',
          target: '/c',
          bind: { selinux: 'z' },
          volume: { subpath: 's' },
        },
      ]);
    });

    it('writes devices as source:target strings, leaving out the default rwm', () => {
      const p = project();
      p.services.web!.devices = [
        { source: '/dev/kmsg', target: '/dev/kmsg', permissions: 'rwm' },
        { source: '/dev/a', target: '/dev/b', permissions: 'r' },
      ];
      const web = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' })).services.web;
      expect(web.devices).toEqual(['/dev/kmsg:/dev/kmsg', '/dev/a:/dev/b:r']);
    });

    it('writes extra_hosts as one host:address entry per address', () => {
      const p = project();
      p.services.web!.extra_hosts = { a: ['1.2.3.4', '::1'], b: ['5.6.7.8'] };
      p.services.web!.build = { context: '/c', extra_hosts: { c: ['9.9.9.9'] } };
      const web = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' })).services.web;
      expect(web.extra_hosts).toEqual(['a:1.2.3.4', 'a:::1', 'b:5.6.7.8']);
      expect(web.build.extra_hosts).toEqual(['c:9.9.9.9']);
    });

    it('drops a derived depends_on restart, keeps a written one', () => {
      const p = project();
      p.services.web!.depends_on = { db: { condition: 'service_started', restart: true } };
      const derived = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' }));
      expect(derived.services.web.depends_on).toEqual({ db: { condition: 'service_started' } });
      const written = loadInline(
        'services:\n  web:\n    image: x\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n  db:\n    image: x\n',
      );
      const out = parse(renderConfig(written, 'yaml', { dialect: 'compose-v1' }));
      expect(out.services.web.depends_on.db.restart).toBe(true);
    });

    it('drops defaults 1.29 has no key for, and keeps what it cannot express', () => {
      const web = v1().services.web;
      expect(web.depends_on).toEqual({ db: { condition: 'service_healthy' } });
      expect(web.env_file).toEqual(['/p/.env']);
      expect('command' in web).toBe(false);
      const p = project();
      p.services.web!.env_file = [{ path: '/p/.env', required: false }];
      const out = parse(renderConfig(p, 'yaml', { dialect: 'compose-v1' }));
      expect(out.services.web.env_file).toEqual([{ path: '/p/.env', required: false }]);
    });
  });
});
