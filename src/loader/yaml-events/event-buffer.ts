import { EVENT_ID, type ScalarEvent } from 'js-yaml';

/**
 * js-yaml's event stream (`parseEvents`), packed: eight integers per event in one growing
 * `Int32Array` instead of one object per event. A 10,000-service file has about 480,000 events;
 * as objects they were 48 MB that all stayed alive until the last one was read, so the garbage
 * collector copied each of them twice and then marked them, which cost about as much as parsing.
 * As integers they are 15 MB outside the JavaScript heap, which the collector never looks at.
 *
 * Event `i` is at `data[i * STRIDE]`:
 *
 * | slot | DOCUMENT        | SEQUENCE, MAPPING | SCALAR                            | ALIAS       |
 * |------|-----------------|-------------------|-----------------------------------|-------------|
 * | 0    | type            | type, style       | type, style, chomping, fast       | type        |
 * | 1    | explicit start  | start             | value start                       |             |
 * | 2    | explicit end    |                   | value end                         |             |
 * | 3, 4 |                 | anchor start, end | anchor start, end                 | anchor s, e |
 * | 5, 6 |                 | tag start, end    | tag start, end                    |             |
 * | 7    |                 |                   | indent (block scalars)            |             |
 *
 * Slot 0 holds the type in bits 0–3, the style in bits 4–7, the chomping mode in bits 8–11 and
 * `fast` in bit 12. Offsets are as in js-yaml: zero-based, end-exclusive, -1 when absent.
 */
export class EventBuffer {
  /** The events; only the first `length * STRIDE` slots are meaningful. */
  data: Int32Array;
  /** Number of events. */
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity) * STRIDE);
  }

  /** Append an event (see the table above for what `a`, `b`, ... mean for each type). */
  push(
    head: number,
    a: number,
    b: number,
    anchorStart: number,
    anchorEnd: number,
    tagStart: number,
    tagEnd: number,
    indent: number,
  ): void {
    const o = this.length++ * STRIDE;
    if (o + STRIDE > this.data.length) this.grow();
    const d = this.data;
    d[o] = head;
    d[o + 1] = a;
    d[o + 2] = b;
    d[o + 3] = anchorStart;
    d[o + 4] = anchorEnd;
    d[o + 5] = tagStart;
    d[o + 6] = tagEnd;
    d[o + 7] = indent;
  }

  /** Insert an event before event `at` (js-yaml's `events.splice(at, 0, event)`). */
  insert(
    at: number,
    head: number,
    a: number,
    b: number,
    anchorStart: number,
    anchorEnd: number,
    tagStart: number,
    tagEnd: number,
    indent: number,
  ): void {
    if ((this.length + 1) * STRIDE > this.data.length) this.grow();
    this.data.copyWithin((at + 1) * STRIDE, at * STRIDE, this.length * STRIDE);
    this.length++;
    this.write(at, head, a, b, anchorStart, anchorEnd, tagStart, tagEnd, indent);
  }

  type(i: number): number {
    return (this.data[i * STRIDE] as number) & 15;
  }

  /** A collection's `COLLECTION_STYLE` or a scalar's `SCALAR_STYLE`. */
  style(i: number): number {
    return ((this.data[i * STRIDE] as number) >> 4) & 15;
  }

  /** Slot 1: a collection's start, a scalar's value start, a document's explicit start. */
  start(i: number): number {
    return this.data[i * STRIDE + 1] as number;
  }

  /** Slot 2: a scalar's value end, a document's explicit end. */
  end(i: number): number {
    return this.data[i * STRIDE + 2] as number;
  }

  anchorStart(i: number): number {
    return this.data[i * STRIDE + 3] as number;
  }

  anchorEnd(i: number): number {
    return this.data[i * STRIDE + 4] as number;
  }

  tagStart(i: number): number {
    return this.data[i * STRIDE + 5] as number;
  }

  tagEnd(i: number): number {
    return this.data[i * STRIDE + 6] as number;
  }

  /**
   * Scalar event `i` as js-yaml's `ScalarEvent`, written into `into` (one object reused for
   * every scalar), for js-yaml's `getScalarValue`.
   */
  scalar(i: number, into: ScalarEvent): ScalarEvent {
    const o = i * STRIDE;
    const d = this.data;
    const head = d[o] as number;
    into.valueStart = d[o + 1] as number;
    into.valueEnd = d[o + 2] as number;
    into.anchorStart = d[o + 3] as number;
    into.anchorEnd = d[o + 4] as number;
    into.tagStart = d[o + 5] as number;
    into.tagEnd = d[o + 6] as number;
    into.indent = d[o + 7] as number;
    into.style = ((head >> 4) & 15) as ScalarEvent['style'];
    into.chomping = ((head >> 8) & 15) as ScalarEvent['chomping'];
    into.fast = (head & FAST) !== 0;
    return into;
  }

  private write(
    i: number,
    head: number,
    a: number,
    b: number,
    anchorStart: number,
    anchorEnd: number,
    tagStart: number,
    tagEnd: number,
    indent: number,
  ): void {
    const o = i * STRIDE;
    const d = this.data;
    d[o] = head;
    d[o + 1] = a;
    d[o + 2] = b;
    d[o + 3] = anchorStart;
    d[o + 4] = anchorEnd;
    d[o + 5] = tagStart;
    d[o + 6] = tagEnd;
    d[o + 7] = indent;
  }

  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** Integers per event. */
export const STRIDE = 8;

/** Bit of slot 0: the scalar's value is its source text as is (js-yaml's `fast`). */
const FAST = 1 << 12;

/** Slot 0 of an event: its type and, for collections and scalars, their style and modes. */
export function eventHead(type: number, style = 0, chomping = 0, fast = false): number {
  return type | (style << 4) | (chomping << 8) | (fast ? FAST : 0);
}

/** A `ScalarEvent` to reuse with `EventBuffer.scalar`. */
export function scratchScalar(): ScalarEvent {
  return {
    type: EVENT_ID.SCALAR,
    valueStart: -1,
    valueEnd: -1,
    anchorStart: -1,
    anchorEnd: -1,
    tagStart: -1,
    tagEnd: -1,
    style: 1,
    chomping: 1,
    indent: -1,
    fast: false,
  };
}
