import {
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  YAMLException,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { createRequire } from 'node:module';
import type { Diagnostics, SourceLoc } from '../diag/diagnostic.js';
import {
  cloneLocated,
  getDirective,
  READ_TABLE_HEAD,
  setDirective,
  setKeyLoc,
  setLoc,
  setLocPacked,
  setReadPositions,
  type MergeDirective,
} from '../model/locations.js';
import { LineIndex, packSpan, packToken, tokenEnd } from './line-index.js';
import { resolvePlainScalar, resolveTagged } from './yaml-scalars.js';

/**
 * Stage 1: text → plain JavaScript documents with a source position for every node.
 *
 * The text is parsed into js-yaml's flat event stream (a YAML 1.2 parser that passes the YAML
 * test suite, and about ten times faster here than building `yaml` Documents, which alone took
 * over 2 s for a 10,000-service file), and the events are turned into plain values by hand, so
 * that positions land in the side tables of `model/locations`, duplicate keys are found in
 * O(1) each, and alias expansion is bounded before any of it happens (a "billion laughs" file
 * is rejected from integer arithmetic over the events, in time linear in the file).
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
 * Parse `text` (already decoded) read from `file`. Problems are added to `diags`; when a file
 * has any error no documents are returned, because a partial tree would only cause follow-on
 * noise in later stages.
 */
export function readYaml(text: string, file: string, diags: Diagnostics): ReadResult {
  const lines = new LineIndex(text, file);
  if (onlyComments(text)) {
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

  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: READ_LIMITS.maxDepth });
  } catch (e) {
    if (e instanceof YAMLException) {
      reportSyntax(e, text, lines, diags);
      return { docs: [] };
    }
    if (e instanceof RangeError) {
      diags.error('yaml-too-deep', 'the document nests too deeply to parse', lines.at(0));
      return { docs: [] };
    }
    throw e;
  }

  if (text.includes('*')) {
    const bomb = aliasExpansion(events, text);
    if (bomb.added > READ_LIMITS.maxAliasExpansion) {
      diags.error(
        'yaml-alias-expansion',
        `aliases would expand this file by ${bomb.added > 1e12 ? 'over 10^12' : bomb.added} nodes`,
        lines.at(bomb.at),
        {
          detail: `at most ${READ_LIMITS.maxAliasExpansion} nodes may come from aliases; this looks like an alias bomb`,
        },
      );
      return { docs: [] };
    }
  }

  const before = diags.errorCount;
  const docs = new Converter(events, text, lines, diags).documents();
  if (diags.errorCount > before) return { docs: [] };
  if (docs.length === 0) {
    diags.error('yaml-empty', 'the file holds no YAML document', { file, line: 1, col: 1 });
  }
  return { docs };
}

/**
 * True when no line holds YAML content (blank, comments, document markers). Stops at the first
 * content line, which in a real file is the first or second: no copy of a large text is made.
 */
function onlyComments(text: string): boolean {
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const t = text.slice(start, end).trim();
    if (t !== '' && !t.startsWith('#') && t !== '---' && t !== '...') return false;
    start = end + 1;
  }
  return true;
}

function reportSyntax(e: YAMLException, text: string, lines: LineIndex, diags: Diagnostics): void {
  const reason = e.reason || 'invalid YAML';
  if (/maxDepth/.test(reason)) {
    const loc = lines.at(e.mark?.position ?? 0);
    diags.error(
      'yaml-too-deep',
      `the document nests deeper than ${READ_LIMITS.maxDepth} levels`,
      loc,
    );
    return;
  }
  // The fast parser found an error; the `yaml` package usually words it better and points at
  // its cause (the unclosed `[`, not the line after it). Errors are rare, so parsing the text a
  // second time costs nothing that matters.
  const second = describeWithYaml(text);
  const loc = lines.at(second?.offset ?? e.mark?.position ?? 0);
  const message = second?.message ?? reason;
  if (/tab/i.test(message)) {
    diags.error('yaml-syntax', 'tabs are not allowed as indentation in YAML', loc, {
      hint: 'indent with spaces',
    });
  } else {
    diags.error('yaml-syntax', message, loc);
  }
}

const requireCjs = createRequire(import.meta.url);

/** The first error the `yaml` package reports for `text`, if any. */
function describeWithYaml(text: string): { message: string; offset: number } | undefined {
  const { parseAllDocuments } = requireCjs('yaml') as typeof import('yaml');
  const docs = parseAllDocuments(text, { prettyErrors: false });
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    const err = d.errors[0];
    if (err) {
      const message = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return { message: message.charAt(0).toLowerCase() + message.slice(1), offset: err.pos[0] };
    }
  }
  return undefined;
}

/**
 * Nodes that aliases would add, computed over the events with integers only: each collection's
 * expanded size is known when it closes, each alias adds its anchor's size. Linear in the
 * events, whatever the expansion would be.
 */
function aliasExpansion(events: Event[], text: string): { added: number; at: number } {
  const anchors = new Map<string, number>();
  const stack: { size: number; anchor: string | undefined }[] = [{ size: 0, anchor: undefined }];
  let added = 0;
  let at = 0;
  for (const ev of events) {
    const top = stack[stack.length - 1] as { size: number; anchor: string | undefined };
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        top.size += 1;
        if (ev.anchorStart >= 0) anchors.set(text.slice(ev.anchorStart, ev.anchorEnd), 1);
        break;
      case EVENT_ID.ALIAS: {
        const size = anchors.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? 1;
        top.size += size;
        added += size;
        if (added > READ_LIMITS.maxAliasExpansion) return { added, at: ev.anchorStart };
        at = ev.anchorStart;
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        stack.push({
          size: 1,
          anchor: ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : undefined,
        });
        break;
      case EVENT_ID.DOCUMENT:
        stack.push({ size: 0, anchor: undefined });
        break;
      case EVENT_ID.POP: {
        const done = stack.pop() as { size: number; anchor: string | undefined };
        if (done.anchor !== undefined) anchors.set(done.anchor, done.size);
        const parent = stack[stack.length - 1];
        if (parent) parent.size += done.size;
        break;
      }
    }
  }
  return { added, at };
}

/**
 * Where a node was written: packed (`packSpan`, `packToken`, into the file's `LineIndex`), which
 * costs nothing until a position is asked for, or in full when packing would lose its end.
 */
type Pos = number | SourceLoc;

/**
 * Events → values. A node's value is returned and its position and tag are left in `pos` and
 * `tag`, read by the caller before it converts the next node: a file has a node for every few
 * bytes, and an object per node to carry the three was most of this stage's garbage.
 */
class Converter {
  private i = 0;
  private readonly anchors = new Map<string, unknown>();
  /** Where the node converted last was written. */
  private pos: Pos = 0;
  /** The tag written on the node converted last, if any. */
  private tag: string | undefined = undefined;
  /**
   * Items of the sequences being read and their positions, innermost last (see `sequence`).
   * Stacks with a top of their own: an array shortened by setting its `length` is a runtime
   * call in V8, made here once per collection.
   */
  private readonly items: unknown[] = [];
  private readonly itemTags: (string | undefined)[] = [];
  private itemTop = 0;
  private readonly itemPos: (Pos | undefined)[] = [];
  private posTop = 0;
  /** Positions of the mappings being read, innermost last (see `mapping`). */
  private readonly slots: (string | Pos | undefined)[] = [];
  private slotTop = 0;

  constructor(
    private readonly events: Event[],
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly diags: Diagnostics,
  ) {}

  documents(): unknown[] {
    const docs: unknown[] = [];
    while (this.i < this.events.length) {
      if ((this.events[this.i++] as Event).type !== EVENT_ID.DOCUMENT) continue;
      if (this.peek() === EVENT_ID.POP) {
        this.i++; // an empty document (`---` alone)
        continue;
      }
      docs.push(this.node());
      while (this.i < this.events.length && this.peek() !== EVENT_ID.POP) this.node();
      this.i++; // the document's POP
    }
    return docs;
  }

  /** The type of the next event, 0 after the last. */
  private peek(): number {
    return this.i < this.events.length ? (this.events[this.i] as Event).type : 0;
  }

  private slice(start: number, end: number): string | undefined {
    return start >= 0 ? this.text.slice(start, end) : undefined;
  }

  /** Convert the node starting at the current event (and its children); see `pos`, `tag`. */
  private node(): unknown {
    const ev = this.events[this.i++] as Event;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const loc = this.scalarPos(ev);
        const tag = this.slice(ev.tagStart, ev.tagEnd);
        const value = this.scalar(ev, tag, loc);
        if (ev.anchorStart >= 0) this.anchor(ev.anchorStart, ev.anchorEnd, value);
        this.pos = loc;
        this.tag = tag;
        return value;
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(ev.anchorStart, ev.anchorEnd);
        const loc = this.at(ev.anchorStart - 1);
        this.pos = loc;
        this.tag = undefined;
        if (!this.anchors.has(name)) {
          this.diags.error(
            'yaml-unknown-alias',
            `alias *${name} has no anchor &${name} before it`,
            this.loc(loc),
          );
          return null;
        }
        // A copy, so that stages that change a value in place never change it elsewhere too.
        return cloneLocated(this.anchors.get(name));
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        const loc = this.at(ev.start);
        const tag = this.slice(ev.tagStart, ev.tagEnd);
        const out = ev.type === EVENT_ID.SEQUENCE ? this.sequence(loc) : this.mapping(loc);
        if (ev.anchorStart >= 0) this.anchor(ev.anchorStart, ev.anchorEnd, out);
        this.pos = loc;
        this.tag = tag;
        return out;
      }
      default:
        // DOCUMENT or POP cannot start a node in a well-formed stream.
        throw new Error(`unexpected YAML event ${ev.type} at ${this.i - 1}`);
    }
  }

  private sequence(selfLoc: Pos): unknown[] {
    // Items and their positions gather on shared stacks and are sliced off when the sequence
    // ends, so that the sequence and its table of positions are arrays of exactly their length
    // (an array grown by `push` holds room for 17 items, which over many short lists adds up).
    const base = this.itemTop;
    const posBase = this.posTop;
    for (let h = 0; h < READ_TABLE_HEAD; h++) this.itemPos[this.posTop++] = undefined;
    let tagged = false;
    while (this.peek() !== EVENT_ID.POP) {
      const item = this.node(); // may use the stacks above their tops, and gives them back
      this.items[this.itemTop] = item;
      this.itemTags[this.itemTop++] = this.tag;
      this.itemPos[this.posTop++] = this.pos;
      if (this.tag !== undefined) tagged = true;
    }
    this.i++;
    const out = this.items.slice(base, this.itemTop);
    const table = this.itemPos.slice(posBase, this.posTop);
    const tags = tagged ? this.itemTags.slice(base, this.itemTop) : undefined;
    this.itemTop = base;
    this.posTop = posBase;
    setReadPositions(out, this.lines, selfLoc, table);
    if (tags) for (let idx = 0; idx < out.length; idx++) this.directive(out, idx, tags[idx]);
    return out;
  }

  private mapping(selfLoc: Pos): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Positions gather on a shared stack too, in the layout `setReadPositions` takes.
    const base = this.slotTop;
    for (let h = 0; h < READ_TABLE_HEAD; h++) this.slots[this.slotTop++] = undefined;
    let merges: unknown[] | undefined;
    // Keys given `!reset` (absent from `out`, yet taken), and directives in key order.
    let resets: Set<string> | undefined;
    let directives: [string, MergeDirective][] | undefined;
    while (this.peek() !== EVENT_ID.POP) {
      // A merge key is a plain `<<` with no tag (read before `node` moves on).
      const keyEv = this.events[this.i] as Event;
      const plainKey = keyEv.type === EVENT_ID.SCALAR && keyEv.style === SCALAR_STYLE.PLAIN;
      const k = this.node();
      const kPos = this.pos;
      const kTag = this.tag;
      const v = this.node();
      const vPos = this.pos;
      const vTag = this.tag;
      if (plainKey && k === MERGE_KEY && kTag === undefined) {
        (merges ??= []).push(v, vPos);
        continue;
      }
      const key = keyString(k);
      if (Object.hasOwn(out, key) || resets?.has(key)) {
        const first = this.firstKeyLoc(key, base);
        this.diags.error(
          'yaml-duplicate-key',
          `duplicate key "${key}" in a mapping`,
          this.loc(kPos),
          {
            hint: 'each key may appear once per mapping; remove or rename one of them',
            related: [{ message: 'first written here', ...(first ? { loc: first } : {}) }],
          },
        );
        continue;
      }
      if (vTag === '!reset') {
        // `!reset` removes the key from the merged model; the value written is ignored, the
        // key keeps its position.
        this.slot(key, undefined, kPos);
        (resets ??= new Set()).add(key);
        (directives ??= []).push([key, 'reset']);
        continue;
      }
      defineEntry(out, key, v);
      this.slot(key, vPos, kPos);
      if (vTag === '!override') (directives ??= []).push([key, 'override']);
    }
    this.i++;
    const table = this.slots.slice(base, this.slotTop);
    this.slotTop = base;
    setReadPositions(out, this.lines, selfLoc, table);
    if (directives) for (const [key, d] of directives) setDirective(out, key, d);
    if (merges) this.applyMerges(out, merges);
    return out;
  }

  /** Push the positions of one mapping entry (see `mapping`). */
  private slot(key: string, v: Pos | undefined, k: Pos): void {
    const slots = this.slots;
    slots[this.slotTop++] = key;
    slots[this.slotTop++] = v;
    slots[this.slotTop++] = k;
  }

  /** Where `key` of the mapping being read was first written (for a duplicate key). */
  private firstKeyLoc(key: string, base: number): SourceLoc | undefined {
    for (let s = base + READ_TABLE_HEAD; s < this.slotTop; s += 3) {
      if (this.slots[s] === key) return this.loc(this.slots[s + 2] as Pos);
    }
    return undefined;
  }

  /**
   * YAML merge keys: entries of the merged mappings fill keys the mapping does not set.
   * `merges` holds each merge key's value and its position.
   */
  private applyMerges(out: Record<string, unknown>, merges: unknown[]): void {
    for (let m = 0; m < merges.length; m += 2) {
      const value = merges[m];
      const loc = merges[m + 1] as Pos;
      const sources = Array.isArray(value) ? value : [value];
      for (const src of sources) {
        if (src === null || typeof src !== 'object' || Array.isArray(src)) {
          this.diags.error(
            'yaml-bad-merge',
            'a merge key (<<) takes a mapping or a list of mappings',
            this.loc(loc),
          );
          continue;
        }
        for (const [k, v] of Object.entries(src)) {
          if (Object.hasOwn(out, k) || getDirective(out, k) === 'reset') continue;
          defineEntry(out, k, v);
          this.setEntry(out, k, loc, undefined);
        }
      }
    }
  }

  private scalar(ev: ScalarEvent, tag: string | undefined, loc: Pos): unknown {
    const raw = getScalarValue(this.text, ev);
    if (tag !== undefined && tag !== '!reset' && tag !== '!override') {
      const r = resolveTagged(tag, raw);
      if (r.ok) return r.value;
      this.diags.error('yaml-syntax', r.message, this.loc(loc));
      return raw;
    }
    return ev.style === SCALAR_STYLE.PLAIN ? resolvePlainScalar(raw) : raw;
  }

  /**
   * A scalar's position; a quoted scalar's includes its quotes, as users see the token. Packed
   * with its length when it fits (almost every token of almost every file), else packed when
   * `tokenEnd` finds the same end again (by the flow or else the block rules), else in full.
   */
  private scalarPos(ev: ScalarEvent): Pos {
    const q =
      ev.style === SCALAR_STYLE.DOUBLE_QUOTED
        ? 0x22
        : ev.style === SCALAR_STYLE.SINGLE_QUOTED
          ? 0x27
          : 0;
    let start = ev.valueStart;
    let end = ev.valueEnd;
    if (q !== 0 && this.text.charCodeAt(start - 1) === q) {
      start--;
      end++;
    }
    if (end <= start) return this.at(start);
    const span = packSpan(start, end);
    if (span >= 0) return span;
    if (tokenEnd(this.text, start) === end) {
      const p = packToken(start, true);
      if (p >= 0) return p;
    } else if (q === 0 && tokenEnd(this.text, start, true) === end) {
      const p = packToken(start, true, true);
      if (p >= 0) return p;
    }
    return this.lines.range(start, end);
  }

  /** The position of `offset`, without an end. */
  private at(offset: number): Pos {
    const p = packToken(offset, false);
    return p >= 0 ? p : this.lines.at(offset);
  }

  private loc(p: Pos): SourceLoc {
    return typeof p === 'number' ? this.lines.loc(p) : p;
  }

  /** Record where `container[key]` (already set) and its key were written. */
  private setEntry(container: object, key: string | number, v: Pos, k: Pos | undefined): void {
    if (typeof v === 'number' && (k === undefined || typeof k === 'number')) {
      setLocPacked(container, key, v, k ?? -1);
      return;
    }
    if (k !== undefined) setKeyLoc(container, key, this.loc(k));
    setLoc(container, key, this.loc(v));
  }

  private anchor(start: number, end: number, value: unknown): void {
    this.anchors.set(this.text.slice(start, end), value);
  }

  private directive(container: object, key: string | number, tag: string | undefined): void {
    if (tag === '!reset') setDirective(container, key, 'reset');
    else if (tag === '!override') setDirective(container, key, 'override');
  }
}

/** Set `out[key]`, also for the key `__proto__`, which plain assignment would not create. */
function defineEntry(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    out[key] = value;
  }
}

function keyString(k: unknown): string {
  if (k === null) return 'null';
  if (typeof k === 'string') return k;
  if (typeof k === 'number' || typeof k === 'boolean') return String(k);
  return JSON.stringify(k);
}
