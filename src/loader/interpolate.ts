import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import { getLoc, getSelfLoc } from '../model/locations.js';
import { CAST_ROOT, castAt, castChild, type CastNode } from './cast.js';
import type { Env } from './context.js';
import { reportProblem } from './interpolation/report.js';
import { scalarLoc } from './interpolation/scalar-loc.js';
import { substitute, type TemplateHooks, type TemplateProblem } from './interpolation/template.js';
import { warnUnsetOnce } from './interpolation/unset-once.js';

/**
 * Stage 2: replace `${VAR}` forms in every string value of one document, then cast the strings
 * at the paths Compose casts (src/loader/cast.ts).
 *
 * Works in place on the tree from readYaml, so the position tables stay valid: a replaced value
 * keeps the position of what the user wrote. Keys are never interpolated (compose-spec), values
 * are, at any depth, `x-*` extensions and `x-nest` blocks included. The tree must be a tree (no
 * container reachable twice), which readYaml guarantees by expanding each alias afresh;
 * interpolating a shared container twice would turn `$$X` into the value of `X`.
 *
 * Every error of the document is reported, each at the `${` that caused it when the scalar's
 * source allows it; an unset variable is warned about once per load.
 */
export function interpolate(doc: object, env: Env, diags: Diagnostics): void {
  new Walk(doc, env, diags).container(doc, CAST_ROOT);
}

/** Value of `name` in `env`; inherited properties (`constructor`...) are not variables. */
function lookupIn(env: Env, name: string): string | undefined {
  if (!Object.hasOwn(env, name)) return undefined;
  const v = env[name];
  return typeof v === 'string' ? v : undefined;
}

class Walk implements TemplateHooks {
  /** The string being interpolated and where it is, for the hooks (no closure per string). */
  private raw = '';
  private holder: object = {};
  private key: string | number = '';

  constructor(
    private readonly root: object,
    private readonly env: Env,
    private readonly diags: Diagnostics,
  ) {}

  container(c: object, cast: CastNode | undefined): void {
    if (Array.isArray(c)) {
      const list = cast && castChild(cast, 0);
      for (let i = 0; i < c.length; i++) this.value(c, i, c[i], list);
      return;
    }
    const rec = c as Record<string, unknown>;
    for (const k in rec) this.value(rec, k, rec[k], cast && castChild(cast, k));
  }

  private value(
    holder: object,
    key: string | number,
    v: unknown,
    cast: CastNode | undefined,
  ): void {
    if (typeof v === 'string') {
      let out: unknown = v;
      if (v.indexOf('$') !== -1) out = this.interpolate(holder, key, v);
      if (cast?.cast && typeof out === 'string') {
        out = castAt(cast.cast, out, { root: this.root, holder, key }, this.diags);
      }
      if (out !== v) (holder as Record<string | number, unknown>)[key] = out;
    } else if (v !== null && typeof v === 'object') {
      this.container(v, cast);
    }
  }

  private interpolate(holder: object, key: string | number, raw: string): string {
    this.raw = raw;
    this.holder = holder;
    this.key = key;
    return substitute(raw, this);
  }

  private locOf(holder: object, key: string | number): SourceLoc | undefined {
    return getLoc(holder, key) ?? getSelfLoc(holder);
  }

  private here(start: number, end: number): SourceLoc | undefined {
    return scalarLoc(this.locOf(this.holder, this.key), this.raw, start, end);
  }

  lookup(name: string): string | undefined {
    return lookupIn(this.env, name);
  }

  unset(name: string, start: number, end: number): void {
    warnUnsetOnce(this.diags, name, this.here(start, end));
  }

  problem(p: TemplateProblem): void {
    reportProblem(this.diags, p, this.here(p.start, p.end), this.raw);
  }
}
