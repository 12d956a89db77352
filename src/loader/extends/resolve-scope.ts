import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';
import {
  cloneLocated,
  copyLoc,
  directiveKeys,
  getLoc,
  getSelfLoc,
  setDirective,
  setSelfLoc,
} from '../../model/locations.js';
import { closestKey } from '../../schema/suggest.js';
import { mergeService } from '../merge.js';
import { put } from '../merge/engine.js';
import { cycleText, fileLabel, rotateCycle, type CycleStep } from './cycle.js';

type Obj = Record<string, unknown>;

/**
 * One `services` map in which an `extends` without `file` finds its base: the top level of a
 * Compose file, or one inline `x-nest.services` scope. Resolved services are written back into
 * `services`, so a chain is resolved once however many services extend it.
 */
export interface ExtendsSource {
  services: Obj;
  /** The file that declared these services (messages; the base of a relative `extends.file`). */
  file: string;
  /**
   * Applied to a copy of one of these services before a service of another source extends it:
   * the copy's relative paths mean this file's directory, which the extending file does not share.
   */
  rebase?: (service: Obj) => void;
}

/**
 * Opens the source that `extends.file` names, relative to `from`. `undefined`: it could not be
 * loaded (already reported at `at`). `'defer'`: not now; the service keeps its `extends` for a
 * later stage (an inner scope's file is in the parent container's view, which only the resolver
 * can translate).
 */
export type OpenExtendsFile = (
  ref: string,
  from: ExtendsSource,
  at: SourceLoc | undefined,
) => ExtendsSource | 'defer' | undefined;

type State = 'active' | 'done' | 'failed' | 'deferred';

interface Frame {
  source: ExtendsSource;
  name: string;
  /** Where this service's `extends.service` was written. */
  loc: SourceLoc | undefined;
}

/**
 * Resolves `extends` chains, within a file and across files, as compose-go does: the base is
 * resolved first, a copy of it is merged under the extending service by the merge rules (every
 * attribute is inherited, `depends_on` included, as compose-go does since it dropped its
 * exclusions), and `extends` is removed. One resolver per load keeps the cycle bookkeeping.
 */
export class ExtendsResolver {
  private readonly states = new WeakMap<Obj, Map<string, State>>();
  private readonly stack: Frame[] = [];

  constructor(
    private readonly diags: Diagnostics,
    private readonly open: OpenExtendsFile,
  ) {}

  /** Resolve every service of `source` that uses `extends`. */
  resolveAll(source: ExtendsSource): void {
    for (const name of Object.keys(source.services)) this.resolve(source, name);
  }

  /** Resolve one service; the result says whether it now has a complete definition. */
  resolve(source: ExtendsSource, name: string): State {
    const states = this.statesOf(source.services);
    const state = states.get(name);
    if (state === 'active') return this.cycle(source, name);
    if (state) return state;
    const service = source.services[name];
    const ext = extendsOf(service);
    if (!isObj(service) || !ext) {
      states.set(name, 'done');
      return 'done';
    }
    states.set(name, 'active');
    this.stack.push({ source, name, loc: ext.loc });
    let result: State;
    try {
      result = this.extend(source, name, service, ext);
    } finally {
      this.stack.pop();
    }
    states.set(name, result);
    return result;
  }

  private extend(source: ExtendsSource, name: string, service: Obj, ext: ExtendsRef): State {
    let from = source;
    if (ext.file !== undefined) {
      const opened = this.open(ext.file, source, ext.fileLoc ?? ext.loc);
      if (opened === undefined) return 'failed';
      if (opened === 'defer') return 'deferred';
      from = opened;
    }
    if (!Object.hasOwn(from.services, ext.service) || !isObj(from.services[ext.service])) {
      const where = from === source ? '' : ` in ${fileLabel(from.file, source.file)}`;
      const near = closestKey(ext.service, Object.keys(from.services));
      this.diags.error(
        'extends-unknown-service',
        `service "${name}" extends "${ext.service}", which is not defined${where}`,
        ext.loc,
        near ? { hint: `did you mean "${near}"?` } : undefined,
      );
      return 'failed';
    }
    const baseState = this.resolve(from, ext.service);
    if (baseState !== 'done') return baseState;
    const base = cloneLocated(from.services[ext.service] as Obj);
    if (from.services !== source.services) from.rebase?.(base);
    const merged = mergeService(base, withoutExtends(service), name, this.diags);
    const self = getSelfLoc(service);
    if (self) setSelfLoc(merged, self);
    source.services[name] = merged;
    return 'done';
  }

  /** Report the cycle that closes at (`source`, `name`), once, in name order. */
  private cycle(source: ExtendsSource, name: string): State {
    const start = this.stack.findIndex(
      (f) => f.source.services === source.services && f.name === name,
    );
    const frames = this.stack.slice(start);
    const files = new Set(frames.map((f) => f.source.file));
    const first = (frames[0] as Frame).source.file;
    const label = (f: Frame): string =>
      files.size > 1 ? `${f.name} (${fileLabel(f.source.file, first)})` : f.name;
    const steps: CycleStep[] = frames.map((f, i) => {
      const next = frames[(i + 1) % frames.length] as Frame;
      return {
        label: label(f),
        sortKey: `${f.name}\u0000${f.source.file}`,
        loc: f.loc,
        message: `${label(f)} extends ${label(next)}`,
      };
    });
    const ordered = rotateCycle(steps);
    this.diags.error(
      'extends-cycle',
      `extends cycle: ${cycleText(ordered)}`,
      (ordered[0] as CycleStep).loc,
      {
        related: ordered.map((s) => ({ message: s.message, ...(s.loc ? { loc: s.loc } : {}) })),
      },
    );
    return 'failed';
  }

  private statesOf(services: Obj): Map<string, State> {
    let m = this.states.get(services);
    if (!m) {
      m = new Map();
      this.states.set(services, m);
    }
    return m;
  }
}

interface ExtendsRef {
  service: string;
  file?: string;
  loc: SourceLoc | undefined;
  fileLoc: SourceLoc | undefined;
}

/** The `extends` of a service, long or short form; undefined when it has none. */
function extendsOf(service: unknown): ExtendsRef | undefined {
  if (!isObj(service) || !Object.hasOwn(service, 'extends')) return undefined;
  const ext = service.extends;
  if (typeof ext === 'string')
    return { service: ext, loc: getLoc(service, 'extends'), fileLoc: undefined };
  if (!isObj(ext) || typeof ext.service !== 'string') return undefined;
  return {
    service: ext.service,
    ...(typeof ext.file === 'string' ? { file: ext.file } : {}),
    loc: getLoc(ext, 'service') ?? getLoc(service, 'extends'),
    fileLoc: getLoc(ext, 'file'),
  };
}

/** A shallow copy without `extends`, keeping positions and directives. */
function withoutExtends(service: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(service)) {
    if (k === 'extends') continue;
    put(out, k, service[k]);
    copyLoc(service, k, out, k);
  }
  for (const [k, d] of directiveKeys(service)) if (k !== 'extends') setDirective(out, k, d);
  const self = getSelfLoc(service);
  if (self) setSelfLoc(out, self);
  return out;
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
