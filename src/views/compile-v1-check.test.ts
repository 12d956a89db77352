import { describe, expect, it } from 'vitest';
import type { Service } from '../model/compose.js';
import { setKeyLoc, setLoc } from '../model/locations.js';
import { checkComposeV1 } from './compile-v1-check.js';
import { at, testGraph } from './compile-test-graph.js';

const check = (edit: (services: Record<string, Service>) => void = () => {}) => {
  const g = testGraph();
  delete g.project.services['agent-tests']!.volumes; // the one thing the test graph needs
  edit(g.project.services);
  return checkComposeV1(g.project, g.services);
};

describe('checkComposeV1', () => {
  it('reports a volume subpath at the nestfile entry that produced it', () => {
    const g = testGraph();
    const [d, ...rest] = checkComposeV1(g.project, g.services);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'nest-compat-v1-unsupported',
      severity: 'error',
      summary:
        'services.agent-tests.volumes[0].volume.subpath (agent/tests): docker-compose 1.29 cannot express a volume subpath (a mount of a directory below the root of a named volume)',
      loc: at(24, 13),
    });
    expect(d!.hint).toContain('bind mount');
  });

  it('accepts what the compose-v1 lowering rewrites: host_ip ports, default depends_on keys, short binds', () => {
    const diags = check((s) => {
      s.db!.ports = [{ target: 80, published: '8080-8081', protocol: 'tcp', host_ip: '127.0.0.1' }];
      s.db!.volumes = [
        { type: 'bind', source: '/srv/a', target: '/a', bind: { create_host_path: true } },
        { type: 'volume', source: 'cache', target: '/c', volume: { nocopy: true } },
      ];
      s.db!.env_file = [{ path: '/srv/.env', required: true }];
    });
    expect(diags).toEqual([]);
  });

  it('reports a key 1.29 lacks at the key, naming it', () => {
    const diags = check((s) => {
      const hc = { test: ['CMD', 'true'], start_interval: '1s' };
      setKeyLoc(hc, 'start_interval', at(30, 7));
      s.db!.healthcheck = hc;
    });
    expect(diags).toHaveLength(1);
    expect(diags[0]!.summary).toBe(
      'services.db.healthcheck.start_interval (db): docker-compose 1.29 cannot express `start_interval`, which its schema does not have',
    );
    expect(diags[0]!.loc).toEqual(at(30, 7));
  });

  it('reports a value 1.29 rejects under a key it knows', () => {
    const diags = check((s) => {
      (s.db as Record<string, unknown>).pull_policy = 'every_12h';
    });
    expect(diags.map((d) => d.summary)).toEqual([
      'services.db.pull_policy (db): docker-compose 1.29 cannot express `pull_policy: "every_12h"`',
    ]);
    // No position recorded for the value: the service's declaration.
    expect(diags[0]!.loc).toEqual(at(3));
  });

  it('reports a port range that must stay in the long syntax (it has a name)', () => {
    const diags = check((s) => {
      const ports = [{ name: 'web', target: 80, published: '8080-8081', protocol: 'tcp' as const }];
      setLoc(ports, 0, at(31, 9));
      s.db!.ports = ports;
    });
    expect(diags.map((d) => [d.summary.split(':')[0], d.loc])).toEqual([
      ['services.db.ports[0].name (db)', at(31, 9)],
      ['services.db.ports[0].published (db)', at(31, 9)],
    ]);
  });

  it('reports an env_file 1.29 cannot read (not required)', () => {
    const diags = check((s) => {
      s.db!.env_file = [{ path: '/srv/.env', required: false }];
    });
    expect(diags.map((d) => d.summary.split(' (')[0])).toEqual(['services.db.env_file[0]']);
  });

  it('reports top-level resource keys 1.29 lacks', () => {
    const g = testGraph();
    delete g.project.services['agent-tests']!.volumes;
    g.project.configs = { app: { content: 'x', name: 'ci_app' } };
    expect(checkComposeV1(g.project, g.services).map((d) => d.summary)).toEqual([
      'configs.app.content: docker-compose 1.29 cannot express `content`, which its schema does not have',
    ]);
  });

  it('ignores x- keys at any level', () => {
    const diags = check((s) => {
      (s.db as Record<string, unknown>)['x-note'] = { anything: true };
    });
    expect(diags).toEqual([]);
  });
});
