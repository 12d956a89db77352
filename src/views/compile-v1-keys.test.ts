import fs from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { V1_KEYS, V1_PATTERN_PREFIXES } from './compile-v1-keys.js';

/**
 * Every closed object of docker-compose 1.29's own schema, as `pattern → keys`, read from the
 * installed package (the reference the differential tests use; scripts/test.sh installs it).
 */
const DUMP_SCHEMA = `
import json, os, compose.config
d = os.path.dirname(compose.config.__file__)
s = json.load(open(os.path.join(d, 'compose_spec.json')))
defs = s['definitions']
out = {}
def res(n):
    while '$ref' in n:
        n = defs[n['$ref'].split('/')[-1]]
    return n
def walk(n, path, depth=0):
    n = res(n)
    if depth > 12: return
    for alt in n.get('oneOf', []) + n.get('anyOf', []): walk(alt, path, depth + 1)
    if 'properties' in n or n.get('type') == 'object':
        props = n.get('properties', {})
        if n.get('additionalProperties') is False and props:
            out.setdefault(path, set()).update(props.keys())
        for k, v in props.items(): walk(v, (path + '.' if path else '') + k, depth + 1)
        for pat, v in n.get('patternProperties', {}).items():
            if not pat.startswith('^x-'): walk(v, (path + '.' if path else '') + '*', depth + 1)
    if isinstance(n.get('items'), dict): walk(n['items'], path + '[]', depth + 1)
walk(s, '')
print(json.dumps({k: sorted(v) for k, v in out.items()}))
`;

/** The interpreter of the docker-compose script (its `#!` line): the one that has its package. */
async function composePython(): Promise<string> {
  const which = await execa('sh', ['-c', 'command -v docker-compose'], { reject: false });
  const first = which.stdout
    ? (fs.readFileSync(which.stdout.trim(), 'utf8').split('\n', 1)[0] ?? '')
    : '';
  const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!m) return 'python3';
  return m[1]!.endsWith('/env') && m[2] ? m[2] : m[1]!;
}

describe('V1_KEYS', () => {
  it("is docker-compose 1.29's schema (minus the external-name form the loader rewrites)", async () => {
    const r = await execa(await composePython(), ['-c', DUMP_SCHEMA], { reject: false });
    expect(
      r.exitCode,
      `docker-compose 1.29 must be installed (apt-get install -y docker-compose): ${r.stderr}`,
    ).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, string[]>;
    // `external: {name}` is the old form; the loader turns it into `name` + `external: true`.
    delete schema['networks.*.external'];
    delete schema['volumes.*.external'];
    const ours = Object.fromEntries(Object.entries(V1_KEYS).map(([k, v]) => [k, [...v].sort()]));
    expect(ours).toEqual(schema);
  }, 60_000);

  it('has every prefix of its patterns, so the check knows where to descend', () => {
    expect(V1_PATTERN_PREFIXES.has('services')).toBe(true);
    expect(V1_PATTERN_PREFIXES.has('services.*.volumes')).toBe(true);
    expect(V1_PATTERN_PREFIXES.has('services.*.volumes[]')).toBe(true);
    expect(V1_PATTERN_PREFIXES.has('services.*.volumes[].volume')).toBe(true);
    expect(V1_PATTERN_PREFIXES.has('services.*.image')).toBe(false);
  });
});
