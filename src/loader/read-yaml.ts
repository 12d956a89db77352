import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import { setDirective, setKeyLoc, setLoc, setSelfLoc } from '../model/locations.js';

/**
 * Stage 1: bytes → plain JavaScript documents with a source position for every node.
 *
 * YAML is parsed with `yaml`'s Document API (positions, anchors, tags) and converted by hand,
 * rather than with `toJS()`, so that positions land in the side tables of `model/locations` and
 * so that alias expansion is bounded before any of it happens (a "billion laughs" file is
 * rejected from the size of its syntax tree, in time linear in the file).
 */

/** Limits that keep hostile input cheap to reject. Real Compose files are far below them. */
export const READ_LIMITS = {
  /** Nodes that alias expansion may add beyond those written in the file. */
  maxAliasExpansion: 1_000_000,
  /** Nesting depth of mappings and sequences. */
  maxDepth: 256,
};

export interface ReadResult {
  /** One plain value per YAML document; Compose merges multi-document files in order. */
  docs: unknown[];
}

const MERGE_KEY = '<<';

/**
 * Parse `text` (already decoded) read from `file`. Problems are added to `diags`; on a syntax
 * error no documents are returned, because a partial tree would only cause follow-on noise.
 */
export function readYaml(text: string, file: string, diags: Diagnostics): ReadResult {
  const lc = new LineCounter();
  const at = (start: number, end?: number): SourceLoc => {
    const s = lc.linePos(start);
    const loc: SourceLoc = { file, line: s.line, col: s.col };
    if (end !== undefined && end > start) {
      const e = lc.linePos(end);
      loc.endLine = e.line;
      loc.endCol = e.col;
    }
    return loc;
  };

  if (text.trim() === '') {
    diags.error(
      'yaml-empty',
      'the file is empty',
      { file, line: 1, col: 1 },
      {
        hint: 'a Compose file needs at least a top-level `services:` mapping',
      },
    );
    return { docs: [] };
  }
  const depth = flowDepth(text);
  if (depth.depth > READ_LIMITS.maxDepth) {
    lc.addNewLine(0);
    indexLines(text, lc);
    diags.error(
      'yaml-too-deep',
      `the document nests deeper than ${READ_LIMITS.maxDepth} levels`,
      at(depth.offset),
    );
    return { docs: [] };
  }

  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, {
      lineCounter: lc,
      uniqueKeys: true,
      merge: false, // `<<` is handled below, with positions and bounds
      schema: 'core',
      prettyErrors: false,
      strict: true,
      stringKeys: false,
    }) as Document.Parsed[];
  } catch (e) {
    if (e instanceof RangeError) {
      diags.error('yaml-too-deep', 'the document nests too deeply to parse', {
        file,
        line: 1,
        col: 1,
      });
      return { docs: [] };
    }
    throw e;
  }
  if (!Array.isArray(parsed)) parsed = [parsed];

  let failed = false;
  for (const doc of parsed) {
    for (const err of doc.errors) {
      failed = true;
      reportYamlError(err, file, at, diags);
    }
  }
  if (failed) return { docs: [] };

  const docs: unknown[] = [];
  for (const doc of parsed) {
    if (doc.contents === null) continue;
    const sizes = new Map<YamlNode, number>();
    const expanded = expandedSize(doc.contents as YamlNode, sizes, 0, doc);
    const written = countWritten(doc.contents as YamlNode);
    if (expanded - written > READ_LIMITS.maxAliasExpansion) {
      const r = (doc.contents as YamlNode).range;
      diags.error(
        'yaml-alias-expansion',
        `aliases would expand this document to ${expanded > 1e12 ? 'over 10^12' : expanded} nodes`,
        at(r?.[0] ?? 0),
        {
          detail: `at most ${READ_LIMITS.maxAliasExpansion} nodes may come from aliases; this looks like an alias bomb`,
        },
      );
      failed = true;
      continue;
    }
    const conv = new Converter(at, diags);
    const value = conv.convert(doc.contents as YamlNode, 0);
    docs.push(value);
  }
  if (failed) return { docs: [] };
  if (docs.length === 0) {
    diags.error('yaml-empty', 'the file holds no YAML document', { file, line: 1, col: 1 });
  }
  return { docs };
}

function indexLines(text: string, lc: LineCounter): void {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lc.addNewLine(i + 1);
}

function reportYamlError(
  err: YAMLError,
  file: string,
  at: (s: number, e?: number) => SourceLoc,
  diags: Diagnostics,
): void {
  const loc = at(err.pos[0], err.pos[1]);
  const msg = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  switch (err.code) {
    case 'DUPLICATE_KEY':
      diags.error('yaml-duplicate-key', 'duplicate key in a mapping', loc, {
        hint: 'each key may appear once per mapping; remove or rename one of them',
      });
      return;
    case 'BAD_ALIAS':
      diags.error('yaml-unknown-alias', msg || 'alias to an undefined anchor', loc);
      return;
    case 'TAB_AS_INDENT':
      diags.error('yaml-syntax', 'tabs are not allowed as indentation in YAML', loc);
      return;
    default:
      diags.error('yaml-syntax', msg || 'invalid YAML', loc);
  }
}

/** Deepest flow (`[` / `{`) nesting outside quotes and comments: cheap guard before parsing. */
function flowDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (comment) {
      if (ch === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ' '))) comment = true;
    else if (ch === '"' || (ch === "'" && depth > 0)) quote = ch;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
      if (max > READ_LIMITS.maxDepth) break;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return { depth: max, offset: at };
}

/** Number of nodes the tree has once every alias is expanded (memoized per anchored node). */
function expandedSize(
  node: YamlNode | null,
  memo: Map<YamlNode, number>,
  depth: number,
  doc: Document,
): number {
  if (!node) return 1;
  const m = memo.get(node);
  if (m !== undefined) return m;
  if (depth > READ_LIMITS.maxDepth) return Number.MAX_SAFE_INTEGER;
  let n = 1;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    n = target ? expandedSize(target, memo, depth + 1, doc) : 1;
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        n += expandedSize(item.key as YamlNode, memo, depth + 1, doc);
        n += expandedSize(item.value as YamlNode, memo, depth + 1, doc);
      } else n += expandedSize(item as YamlNode, memo, depth + 1, doc);
      if (n > 1e15) break;
    }
  }
  memo.set(node, n);
  return n;
}

function countWritten(node: YamlNode | null): number {
  if (!node || isAlias(node) || isScalar(node)) return 1;
  let n = 1;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item))
        n += countWritten(item.key as YamlNode) + countWritten(item.value as YamlNode);
      else n += countWritten(item as YamlNode);
    }
  }
  return n;
}

class Converter {
  constructor(
    private readonly at: (s: number, e?: number) => SourceLoc,
    private readonly diags: Diagnostics,
  ) {}

  private readonly anchors = new Map<string, YamlNode>();

  private loc(node: YamlNode): SourceLoc {
    const r = node.range ?? [0, 0, 0];
    return this.at(r[0], r[1]);
  }

  convert(node: YamlNode | null, depth: number): unknown {
    if (!node) return null;
    if (depth > READ_LIMITS.maxDepth) {
      this.diags.error(
        'yaml-too-deep',
        `nesting deeper than ${READ_LIMITS.maxDepth}`,
        this.loc(node),
      );
      return null;
    }
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      if (!target) {
        this.diags.error(
          'yaml-unknown-alias',
          `alias *${node.source} has no anchor`,
          this.loc(node),
        );
        return null;
      }
      return this.convert(target, depth + 1);
    }
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) {
      const out: unknown[] = [];
      setSelfLoc(out, this.loc(node));
      for (const item of node.items as YamlNode[]) {
        const idx = out.length;
        out.push(this.convert(item, depth + 1));
        if (item) {
          setLoc(out, idx, this.loc(item));
          this.directive(out, idx, item);
        }
      }
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      setSelfLoc(out, this.loc(node));
      const merges: YamlNode[] = [];
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        if (k && isScalar(k) && k.value === MERGE_KEY && k.type === 'PLAIN') {
          if (v) merges.push(v);
          continue;
        }
        const key = keyString(k ? this.convert(k, depth + 1) : null);
        if (v && v.tag === '!reset') {
          // `!reset` removes the key from the merged model; the value written is ignored.
          setDirective(out, key, 'reset');
          if (k) setKeyLoc(out, key, this.loc(k));
          continue;
        }
        out[key] = v ? this.convert(v, depth + 1) : null;
        if (k) setKeyLoc(out, key, this.loc(k));
        setLoc(out, key, v ? this.loc(v) : k ? this.loc(k) : { file: '', line: 1, col: 1 });
        if (v) this.directive(out, key, v);
      }
      this.applyMerges(out, merges, depth);
      return out;
    }
    return null;
  }

  /** YAML merge keys: entries of the merged mappings fill keys the mapping does not set. */
  private applyMerges(out: Record<string, unknown>, merges: YamlNode[], depth: number): void {
    for (const m of merges) {
      const sources: YamlNode[] = isSeq(m) ? (m.items as YamlNode[]) : [m];
      for (const src of sources) {
        const val = this.convert(src, depth + 1);
        if (val === null || typeof val !== 'object' || Array.isArray(val)) {
          this.diags.error(
            'yaml-bad-merge',
            'a merge key (<<) takes a mapping or a list of mappings',
            this.loc(src),
          );
          continue;
        }
        for (const [k, v] of Object.entries(val)) {
          if (Object.hasOwn(out, k)) continue;
          out[k] = v;
          setLoc(out, k, this.loc(src));
        }
      }
    }
  }

  private directive(container: object, key: string | number, node: YamlNode): void {
    const tag = node.tag;
    if (tag === '!reset') setDirective(container, key, 'reset');
    else if (tag === '!override') setDirective(container, key, 'override');
  }
}

function keyString(k: unknown): string {
  if (k === null) return 'null';
  if (typeof k === 'string') return k;
  if (typeof k === 'number' || typeof k === 'boolean') return String(k);
  return JSON.stringify(k);
}

/** go-yaml (which Compose uses) reads a plain `0755` as octal; so does nestc, for `mode:`. */
function scalarValue(node: import('yaml').Scalar): unknown {
  const v = node.value;
  if (
    typeof v === 'number' &&
    node.type === 'PLAIN' &&
    typeof node.source === 'string' &&
    /^0[0-7]+$/.test(node.source)
  ) {
    return parseInt(node.source, 8);
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}
