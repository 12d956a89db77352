import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EventBuffer, STRIDE } from './event-buffer.js';
import { parseEventBuffer } from './parse-events.js';

/**
 * `parseEventBuffer` is js-yaml's parser writing into a buffer: for any text it must give
 * exactly the events, or the error, that the installed js-yaml's `parseEvents` gives.
 */

/** The buffer's events as js-yaml's event objects (documents without their directives). */
function toEvents(b: EventBuffer): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < b.length; i++) {
    const d = b.data;
    const o = i * STRIDE;
    const head = d[o] as number;
    const type = head & 15;
    const anchor = { anchorStart: d[o + 3], anchorEnd: d[o + 4] };
    const tag = { tagStart: d[o + 5], tagEnd: d[o + 6] };
    if (type === EVENT_ID.DOCUMENT) {
      out.push({ type, explicitStart: d[o + 1] === 1, explicitEnd: d[o + 2] === 1 });
    } else if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) {
      out.push({ type, start: d[o + 1], ...anchor, ...tag, style: (head >> 4) & 15 });
    } else if (type === EVENT_ID.SCALAR) {
      out.push({
        type,
        valueStart: d[o + 1],
        valueEnd: d[o + 2],
        ...anchor,
        ...tag,
        style: (head >> 4) & 15,
        chomping: (head >> 8) & 15,
        indent: d[o + 7],
        fast: (head & (1 << 12)) !== 0,
      });
    } else if (type === EVENT_ID.ALIAS) {
      out.push({ type, ...anchor });
    } else {
      out.push({ type });
    }
  }
  return out;
}

/** What a parser made of `text`: its events, or its error's class and message. */
function outcome(parse: () => unknown[]): unknown {
  try {
    return parse();
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

function expectSame(text: string): void {
  const opts = { filename: 'f.yaml', maxDepth: 256 };
  const theirs = outcome(() =>
    parseEvents(text, opts).map((e: Event) =>
      e.type === EVENT_ID.DOCUMENT
        ? { type: e.type, explicitStart: e.explicitStart, explicitEnd: e.explicitEnd }
        : e,
    ),
  );
  const ours = outcome(() => toEvents(parseEventBuffer(text, opts)));
  expect(ours, JSON.stringify(text)).toEqual(theirs);
}

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

describe('parseEventBuffer', () => {
  it('gives js-yaml’s events for every construct', () => {
    const texts = [
      '',
      'a: 1\n',
      '- a\n- [b, {c: d}]\n- {e: [f]}\n',
      "k: \"dq \\\" \\u00e9 \\\n  x\"\nq: 'it''s'\n",
      'lit: |+2\n    a\n\n   b\nfold: >-\n  x\n  y\n',
      'plain: a\n  continued # comment\n',
      'x: &a {p: 1}\ny: *a\nz: !!str 3\nw: !custom v\n',
      '? complex\n: value\n? [a, b]\n: c\n',
      '[a: b, c]\n',
      '%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\n!e!x a\n...\n---\nb\n',
      'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n',
      '- - a\n  - b\n- ? c\n',
      '\uFEFFa: b\n',
      'a: b\r\nc: d\r\n',
      'x: !reset\ny: !override [1]\n',
      'tab:\tx\n',
      'a:\n\t- b\n',
      'a: [b\n',
      'a: "x\n',
      '{a: 1}: b\n',
      'a: b: c\n',
      '*unknown\n',
      '---\n--- \n...\n',
      'a: x\u0001y\n',
      'a: "\u000b"\n',
      'a: é \u00a0 \u2028 ü\n',
      'a: \ud800\n',
      'a: \u007f\n',
    ];
    for (const t of texts) expectSame(t);
  });

  it('gives js-yaml’s events for every fixture', () => {
    const files = yamlFiles(fixtures);
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) expectSame(fs.readFileSync(f, 'utf8'));
  });

  it('gives js-yaml’s events or error for mangled fixtures', () => {
    const texts = yamlFiles(fixtures)
      .map((f) => fs.readFileSync(f, 'utf8'))
      .filter((t) => t.length < 4000);
    const bits = [
      ':',
      '-',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '\n',
      ' ',
      '&a',
      '*a',
      '!',
      '!!str',
    ].concat(['|', '>', '#', '?', '\t', '---\n', '...\n', '\\', '|-', '>+', '|2', '<<: ', '\r\n']);
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let n = 0; n < 3000; n++) {
      let t = texts[rnd(texts.length)] as string;
      for (let m = 0, k = 1 + rnd(4); m < k; m++) {
        const at = rnd(t.length + 1);
        const how = rnd(10);
        if (how < 4) t = t.slice(0, at) + bits[rnd(bits.length)] + t.slice(at);
        else if (how < 7) t = t.slice(0, at) + t.slice(at + 1 + rnd(3));
        else {
          const from = rnd(t.length);
          t = t.slice(0, at) + t.slice(from, from + rnd(20)) + t.slice(at);
        }
      }
      expectSame(t);
    }
  });

  it('stops at the same depth as js-yaml', () => {
    expectSame('['.repeat(300) + ']'.repeat(300));
    expectSame(
      'a:\n' + Array.from({ length: 260 }, (_, i) => ' '.repeat(i + 1) + '- x').join('\n'),
    );
  });

  it('grows its buffer past the first guess', () => {
    const text = '[' + Array.from({ length: 5000 }, () => '[]').join(',') + ']';
    const b = parseEventBuffer(text, {});
    expect(b.length).toBe(2 + 2 * 5000 + 2);
    expectSame(text);
  });
});
