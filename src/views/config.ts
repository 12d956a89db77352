import { Document, parse, Scalar, visit } from 'yaml';
import type { Project } from '../model/compose.js';
import { isWritten } from '../model/locations.js';

/**
 * The `config` view: the normalized project printed back as a Compose file.
 *
 * Two dialects, because no single text is read the same way by both tools that users check it
 * with (measured against docker-compose 1.29.2; see docs/compatibility.md):
 * - `compose-spec` (default): the compose-spec long syntax, as `docker compose config` (v2)
 *   prints it, top-level `name` included. Nothing is dropped, so the text means exactly the model.
 * - `compose-v1`: the same model lowered to what docker-compose 1.29 reads, without changing
 *   meaning: no top-level `name` (pass `-p` instead), defaults that 1.29 has no key for left
 *   out, and the few long forms it lacks written in the short syntax it does read. What 1.29
 *   cannot express at all is kept, so that 1.29 rejects it rather than silently changing it.
 */
export type ConfigDialect = 'compose-spec' | 'compose-v1';

export interface RenderConfigOptions {
  dialect?: ConfigDialect;
}

/** Top-level keys in the order `docker compose config` prints them; `x-*` follow, sorted. */
const TOP_LEVEL_ORDER = ['name', 'services', 'networks', 'volumes', 'configs', 'secrets'];

/**
 * Render `project` as YAML or JSON. Deterministic: the same project gives byte-identical text
 * (keys sorted, never anchors), so the output can be diffed and committed.
 */
export function renderConfig(
  project: Project,
  format: 'yaml' | 'json',
  opts: RenderConfigOptions = {},
): string {
  const model = opts.dialect === 'compose-v1' ? lowerToV1(project) : project;
  const plain = toPlain(model, true);
  if (format === 'json') return `${JSON.stringify(plain, null, 2)}\n`;
  const doc = new Document(plain, { aliasDuplicateObjects: false, version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsNonString(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, directives: false });
}

/** Plain scalars PyYAML resolves to tags it cannot construct (`=` is YAML 1.1's "value"). */
const ALWAYS_QUOTE = new Set(['=', '<<']);

/**
 * Whether a plain scalar `s` would change type in the YAML 1.2 core schema (Go readers, v2) or
 * in YAML 1.1 (PyYAML, docker-compose 1.29): `yes`, `0755`, `1e3`, `12:30`, `2001-12-14`, ...
 */
export function readsAsNonString(s: string): boolean {
  if (ALWAYS_QUOTE.has(s)) return true;
  // Cheap pre-filter (a render touches every scalar of a 10,000-service file): a scalar that is
  // not a string in either schema starts like a number, `~` or `.inf`, or is a bool/null word.
  if (s !== '' && !/^[-+.\d~]/.test(s) && !/^(?:y|yes|n|no|true|false|on|off|null)$/i.test(s)) {
    return false;
  }
  if (/^\d+$/.test(s)) return true; // an integer in both schemas (`8080`, `0755`)
  let known = verdicts.get(s);
  if (known === undefined) {
    known = (['core', 'yaml-1.1'] as const).some((schema) => {
      try {
        return parse(s, { schema }) !== s;
      } catch {
        return true;
      }
    });
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(s, known);
  }
  return known;
}

/** Verdicts of `readsAsNonString` for the few distinct values that need a parse (`yes`, `1e3`). */
const verdicts = new Map<string, boolean>();

/**
 * A plain-data copy with keys sorted (top level in spec order), `undefined` dropped, `$`
 * escaped, and no shared objects, so the emitter has nothing to alias and nothing depends on
 * insertion order.
 */
function toPlain(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => toPlain(v));
  if (typeof value === 'string') return escapeDollars(value);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  keys.sort(top ? compareTopLevel : compareKeys);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = toPlain(obj[k]);
  return out;
}

/**
 * The model holds values after interpolation; printed as a Compose file they would be
 * interpolated again, so every `$` is written `$$` (as both `docker compose config` and 1.29
 * print it). Keys are not interpolated by Compose and stay as they are.
 */
function escapeDollars(s: string): string {
  return s.includes('$') ? s.replace(/\$/g, () => '$$') : s;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTopLevel(a: string, b: string): number {
  const rank = (k: string): number => {
    const i = TOP_LEVEL_ORDER.indexOf(k);
    return i >= 0 ? i : k.startsWith('x-') ? TOP_LEVEL_ORDER.length + 1 : TOP_LEVEL_ORDER.length;
  };
  return rank(a) - rank(b) || compareKeys(a, b);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The `compose-v1` lowering; each rewrite keeps meaning (the reason is beside each one). */
function lowerToV1(project: Project): Obj {
  const { name: _name, ...rest } = project as unknown as Obj;
  void _name; // 1.29 has no top-level `name`; the caller passes `-p` instead
  const out: Obj = { ...rest };
  if (isObj(out.services)) {
    const services: Obj = {};
    for (const [k, svc] of Object.entries(out.services)) {
      services[k] = isObj(svc) ? lowerService(svc) : svc;
    }
    out.services = services;
  }
  return out;
}

function lowerService(svc: Obj): Obj {
  const s: Obj = { ...svc };
  // `null` (reset by a merge) means "the image's default", as does leaving the key out.
  for (const k of ['command', 'entrypoint']) if (s[k] === null) delete s[k];
  if (Array.isArray(s.ports)) s.ports = s.ports.map(lowerPort);
  if (Array.isArray(s.volumes)) s.volumes = s.volumes.map(lowerVolume);
  if (Array.isArray(s.env_file)) s.env_file = s.env_file.map(lowerEnvFile);
  if (isObj(s.depends_on)) {
    const deps: Obj = {};
    for (const [k, d] of Object.entries(s.depends_on)) deps[k] = isObj(d) ? lowerDependsOn(d) : d;
    s.depends_on = deps;
  }
  if (isObj(s.extra_hosts)) s.extra_hosts = lowerExtraHosts(s.extra_hosts);
  if (isObj(s.build) && isObj(s.build.extra_hosts)) {
    s.build = { ...s.build, extra_hosts: lowerExtraHosts(s.build.extra_hosts) };
  }
  return s;
}

/**
 * The model's `host → [addresses]` (a spec map whose values may be lists) as 1.29's list of
 * `host:address`, one entry per address: 1.29 takes only one string per host in the map form.
 */
function lowerExtraHosts(hosts: Obj): string[] {
  return Object.entries(hosts).flatMap(([host, addrs]) =>
    (Array.isArray(addrs) ? addrs : [addrs]).map((a) => `${host}:${String(a)}`),
  );
}

/**
 * 1.29's long port syntax has no `host_ip` and takes only one published port, but its short
 * syntax has both (it prints `::1:7000:70/tcp` itself), so such ports are written short.
 */
function lowerPort(p: unknown): unknown {
  if (!isObj(p)) return p;
  const published = p.published === undefined ? undefined : String(p.published);
  const extra = Object.keys(p).filter(
    (k) => !['host_ip', 'published', 'target', 'protocol', 'mode'].includes(k),
  );
  const isRange = published?.includes('-') ?? false;
  const needsShort = (p.host_ip !== undefined || isRange) && extra.length === 0;
  if (needsShort && (p.mode === undefined || p.mode === 'ingress')) {
    const ip = p.host_ip === undefined ? undefined : String(p.host_ip);
    const host = ip === undefined ? '' : ip.includes(':') ? `[${ip}]:` : `${ip}:`;
    const pub = published !== undefined ? `${published}:` : host ? ':' : '';
    return `${host}${pub}${String(p.target)}/${String(p.protocol ?? 'tcp')}`;
  }
  if (published !== undefined && /^\d+$/.test(published)) return { ...p, published: +published };
  return p;
}

/**
 * A bind with `create_host_path: true` is what the short syntax means (the spec: it "is
 * automatically implied by short syntax"), and 1.29 has no `create_host_path` key, so it is
 * written short; `selinux` and `propagation` become short-syntax modes (`:ro,z`, `:rshared`),
 * which 1.29 passes to the engine as written. Other volumes pass unchanged.
 */
function lowerVolume(v: unknown): unknown {
  if (!isObj(v) || v.type !== 'bind' || !isObj(v.bind) || v.bind.create_host_path !== true) {
    return v;
  }
  const { create_host_path: _c, selinux, propagation, ...otherBind } = v.bind;
  void _c;
  const simple = Object.keys(v).every((k) =>
    ['type', 'source', 'target', 'read_only', 'bind'].includes(k),
  );
  // Anything else (`consistency`, ...): kept long, so 1.29 rejects rather than misreads it.
  if (!simple || Object.keys(otherBind).length > 0) return v;
  const modes = [
    v.read_only === true ? 'ro' : v.read_only === false ? 'rw' : undefined,
    selinux,
    propagation,
  ].filter((m) => m !== undefined);
  const suffix = modes.length ? `:${modes.map(String).join(',')}` : '';
  return `${String(v.source)}:${String(v.target)}${suffix}`;
}

/** 1.29 reads only path strings: a required file with no `format` is exactly that. */
function lowerEnvFile(e: unknown): unknown {
  if (isObj(e) && e.required !== false && e.format === undefined && typeof e.path === 'string') {
    return e.path;
  }
  return e;
}

/**
 * `required: true` and `restart: false` are the spec's defaults and 1.29 has neither key. A
 * `restart` nestc derived (not written: the entry is implied by `links` or `network_mode:
 * service:`, which stay in the output) goes too: 1.29 derives its own behaviour from those keys.
 */
function lowerDependsOn(d: Obj): Obj {
  const out: Obj = { ...d };
  if (out.required === true) delete out.required;
  if (out.restart === false || (out.restart !== undefined && !isWritten(d, 'restart'))) {
    delete out.restart;
  }
  return out;
}
