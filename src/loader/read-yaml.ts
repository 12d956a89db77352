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
  getKeyLoc,
  setDirective,
  setKeyLoc,
  setLoc,
  setLocPacked,
  setSequencePacked,
  setSelfLoc,
  setSelfPacked,
} from '../model/locations.js';
import { LineIndex, packToken, tokenEnd } from './line-index.js';
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
 * Where a node was written: packed (`packToken`, into the file's `LineIndex`), which costs
 * nothing until a position is asked for, or in full when packing would lose its end.
 */
type Pos = number | SourceLoc;

/** A converted node: its value and where it was written. */
interface Built {
  value: unknown;
  loc: Pos;
  /** `!reset` / `!override` written on the node. */
  tag: string | undefined;
}

class Converter {
  private i = 0;
  private readonly anchors = new Map<string, unknown>();
  /** Items of the sequences being read, innermost last (see `node`). */
  private readonly items: unknown[] = [];
  private readonly itemPos: Pos[] = [];
  private readonly itemTags: (string | undefined)[] = [];

  constructor(
    private readonly events: Event[],
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly diags: Diagnostics,
  ) {}

  documents(): unknown[] {
    const docs: unknown[] = [];
    while (this.i < this.events.length) {
      const ev = this.events[this.i++] as Event;
      if (ev.type !== EVENT_ID.DOCUMENT) continue;
      if (this.peek()?.type === EVENT_ID.POP) {
        this.i++; // an empty document (`---` alone)
        continue;
      }
      docs.push(this.node().value);
      while (this.peek() && this.peek()?.type !== EVENT_ID.POP) this.node();
      this.i++; // the document's POP
    }
    return docs;
  }

  private peek(): Event | undefined {
    return this.events[this.i];
  }

  private slice(start: number, end: number): string | undefined {
    return start >= 0 ? this.text.slice(start, end) : undefined;
  }

  /** Convert the node starting at the current event (and its children). */
  private node(): Built {
    const ev = this.events[this.i++] as Event;
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const loc = this.scalarPos(ev);
        const tag = this.slice(ev.tagStart, ev.tagEnd);
        const value = this.scalar(ev, tag, loc);
        this.anchor(ev.anchorStart, ev.anchorEnd, value);
        return { value, loc, tag };
      }
      case EVENT_ID.ALIAS: {
        const name = this.text.slice(ev.anchorStart, ev.anchorEnd);
        const loc = this.at(ev.anchorStart - 1);
        if (!this.anchors.has(name)) {
          this.diags.error(
            'yaml-unknown-alias',
            `alias *${name} has no anchor &${name} before it`,
            this.loc(loc),
          );
          return { value: null, loc, tag: undefined };
        }
        // A copy, so that stages that change a value in place never change it elsewhere too.
        return { value: cloneLocated(this.anchors.get(name)), loc, tag: undefined };
      }
      case EVENT_ID.SEQUENCE: {
        const loc = this.at(ev.start);
        const tag = this.slice(ev.tagStart, ev.tagEnd);
        // Items gather on shared stacks and are sliced off when the sequence ends, so that the
        // sequence and its positions are arrays of exactly their length (an array grown by
        // `push` holds room for 17 items, which over many short lists adds up).
        const base = this.items.length;
        let tagged = false;
        while (this.peek()?.type !== EVENT_ID.POP) {
          const item = this.node();
          this.items.push(item.value);
          this.itemPos.push(item.loc);
          this.itemTags.push(item.tag);
          if (item.tag !== undefined) tagged = true;
        }
        this.i++;
        const out = this.items.slice(base);
        const pos = this.itemPos.slice(base);
        const tags = tagged ? this.itemTags.slice(base) : undefined;
        this.items.length = base;
        this.itemPos.length = base;
        this.itemTags.length = base;
        this.setSelf(out, loc);
        if (pos.every((p) => typeof p === 'number')) {
          setSequencePacked(out, pos as number[]);
        } else {
          for (let idx = 0; idx < out.length; idx++) {
            this.setEntry(out, idx, pos[idx] as Pos, undefined);
          }
        }
        if (tags) for (let idx = 0; idx < out.length; idx++) this.directive(out, idx, tags[idx]);
        this.anchor(ev.anchorStart, ev.anchorEnd, out);
        return { value: out, loc, tag };
      }
      case EVENT_ID.MAPPING: {
        const loc = this.at(ev.start);
        const tag = this.slice(ev.tagStart, ev.tagEnd);
        const out = this.mapping(loc);
        this.anchor(ev.anchorStart, ev.anchorEnd, out);
        return { value: out, loc, tag };
      }
      default:
        // DOCUMENT or POP cannot start a node in a well-formed stream.
        throw new Error(`unexpected YAML event ${ev.type} at ${this.i - 1}`);
    }
  }

  private mapping(selfLoc: Pos): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.setSelf(out, selfLoc);
    const merges: Built[] = [];
    while (this.peek()?.type !== EVENT_ID.POP) {
      const keyEv = this.peek() as Event;
      const k = this.node();
      const v = this.node();
      if (
        keyEv.type === EVENT_ID.SCALAR &&
        keyEv.style === SCALAR_STYLE.PLAIN &&
        k.value === MERGE_KEY &&
        k.tag === undefined
      ) {
        merges.push(v);
        continue;
      }
      const key = keyString(k.value);
      if (Object.hasOwn(out, key) || getDirective(out, key) === 'reset') {
        const first = getKeyLoc(out, key);
        this.diags.error(
          'yaml-duplicate-key',
          `duplicate key "${key}" in a mapping`,
          this.loc(k.loc),
          {
            hint: 'each key may appear once per mapping; remove or rename one of them',
            related: [{ message: 'first written here', ...(first ? { loc: first } : {}) }],
          },
        );
        continue;
      }
      if (v.tag === '!reset') {
        // `!reset` removes the key from the merged model; the value written is ignored.
        setKeyLoc(out, key, this.loc(k.loc));
        setDirective(out, key, 'reset');
        continue;
      }
      defineEntry(out, key, v.value);
      this.setEntry(out, key, v.loc, k.loc);
      this.directive(out, key, v.tag);
    }
    this.i++;
    this.applyMerges(out, merges);
    return out;
  }

  /** YAML merge keys: entries of the merged mappings fill keys the mapping does not set. */
  private applyMerges(out: Record<string, unknown>, merges: Built[]): void {
    for (const m of merges) {
      const sources = Array.isArray(m.value) ? m.value : [m.value];
      for (const src of sources) {
        if (src === null || typeof src !== 'object' || Array.isArray(src)) {
          this.diags.error(
            'yaml-bad-merge',
            'a merge key (<<) takes a mapping or a list of mappings',
            this.loc(m.loc),
          );
          continue;
        }
        for (const [k, v] of Object.entries(src)) {
          if (Object.hasOwn(out, k) || getDirective(out, k) === 'reset') continue;
          defineEntry(out, k, v);
          this.setEntry(out, k, m.loc, undefined);
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
   * when `tokenEnd` finds the same end again, which holds for all but multi-line tokens.
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
    if (tokenEnd(this.text, start) === end) {
      const p = packToken(start, true);
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

  private setSelf(container: object, p: Pos): void {
    if (typeof p === 'number') {
      setSelfPacked(container, this.lines, p);
    } else {
      setSelfPacked(container, this.lines, -1);
      setSelfLoc(container, p);
    }
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
    if (start >= 0) this.anchors.set(this.text.slice(start, end), value);
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
