import type { Diagnostics, SourceLoc } from '../../diag/diagnostic.js';
import { getLoc, getSelfLoc, type PathSegment } from '../../model/locations.js';

/** A mapping or a sequence of the raw model. */
export type Container = Record<string, unknown> | unknown[];

/**
 * Where a transform runs: the value at `parent[key]`. A transform replaces that value in place
 * (never the parent), so positions recorded against the parent stay valid. The walk re-aims one
 * Site object from call to call: a transform must not keep it (nor `path`) after it returns.
 */
export interface Site {
  parent: Container;
  key: string | number;
  /** Path from the file's root, for messages (`services.web.ports`). */
  path: readonly PathSegment[];
  diags: Diagnostics;
  /** Apply the whole table to another root (an `x-nest` block is a project of its own). */
  recurse(root: object, path: readonly PathSegment[]): void;
}

/** One short-syntax → long-syntax rewrite; reports problems to `site.diags`, never throws. */
export type Transform = (site: Site) => void;

/** Patterns keyed like compose-go's transformers: dotted segments, `*` for any key or index. */
export type TransformTable = Readonly<Record<string, Transform>>;

interface Node {
  transform: Transform | undefined;
  children: Map<string, Node>;
  /** `children.get('*')`, looked up once at compile time rather than at every container. */
  star: Node | undefined;
}

function newNode(): Node {
  return { transform: undefined, children: new Map(), star: undefined };
}

/**
 * The table compiled into a trie, so that a walk visits only the nodes some pattern can reach:
 * the cost is linear in the size of those parts of the model, whatever the number of patterns.
 */
export function compileTable(table: TransformTable): Node {
  const root = newNode();
  for (const [pattern, transform] of Object.entries(table)) {
    let node = root;
    for (const seg of pattern.split('.')) {
      let next = node.children.get(seg);
      if (!next) {
        next = newNode();
        node.children.set(seg, next);
        if (seg === '*') node.star = next;
      }
      node = next;
    }
    node.transform = transform;
  }
  return root;
}

/**
 * Apply a compiled table to `root`; transforms run parent first, then patterns below them.
 * One path array is shared by the whole walk (pushed and popped) to keep a 10,000-service file
 * free of per-node garbage; `Site.path` is therefore valid only during the transform call.
 */
export function walk(
  trie: Node,
  root: object,
  base: readonly PathSegment[],
  diags: Diagnostics,
): void {
  new Walker(trie, base, diags).descend(trie, root as Container);
}

/**
 * One walk's state. A class rather than closures so that the visit and descend calls, made once
 * per reachable node, are plain monomorphic method calls with no per-walk function objects.
 */
class Walker {
  private readonly path: PathSegment[];
  /** One Site object for the whole walk, re-aimed before each call (transforms must not keep it). */
  private readonly site: Site;

  constructor(
    private readonly trie: Node,
    base: readonly PathSegment[],
    private readonly diags: Diagnostics,
  ) {
    this.path = [...base];
    const recurse = (r: object, p: readonly PathSegment[]): void =>
      walk(this.trie, r, p, this.diags);
    this.site = { parent: [], key: 0, path: this.path, diags, recurse };
  }

  private visit(node: Node, parent: Container, key: string | number): void {
    this.path.push(key);
    if (node.transform) {
      this.site.parent = parent;
      this.site.key = key;
      node.transform(this.site);
    }
    if (node.children.size > 0) {
      const value = (parent as Record<string | number, unknown>)[key];
      if (value !== null && typeof value === 'object') this.descend(node, value as Container);
    }
    this.path.pop();
  }

  descend(node: Node, value: Container): void {
    const star = node.star;
    if (Array.isArray(value)) {
      if (star) for (let i = 0; i < value.length; i++) this.visit(star, value, i);
      return;
    }
    // The mapping's keys drive the loop: a service has a handful, the table has dozens.
    const children = node.children;
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      const child = children.get(k);
      if (child) this.visit(child, value, k);
      if (star) this.visit(star, value, k);
    }
  }
}

/** The path of `site` extended by `more`, formatted for a message (built only when needed). */
export function sitePath(site: Site, ...more: PathSegment[]): string {
  return formatPath(more.length > 0 ? [...site.path, ...more] : site.path);
}

/** `services.web.ports[0]`: how a path is written in messages. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** The value at the site. */
export function valueAt(site: Site): unknown {
  return (site.parent as Record<string | number, unknown>)[site.key];
}

/** Where the value at the site was written, falling back to its own recorded position. */
export function siteLoc(site: Site): SourceLoc | undefined {
  const loc = getLoc(site.parent, site.key);
  if (loc) return loc;
  const v = valueAt(site);
  return v !== null && typeof v === 'object' ? getSelfLoc(v) : getSelfLoc(site.parent);
}
