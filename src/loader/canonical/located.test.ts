import { describe, expect, it } from 'vitest';
import type { SourceLoc } from '../../diag/diagnostic.js';
import {
  copyKeyLoc,
  copyLocToSelf,
  copyValueLoc,
  getDirective,
  getKeyLoc,
  getLoc,
  getSelfLoc,
  hasSelfLoc,
  isWritten,
  setDirective,
  setReadPositions,
  READ_TABLE_HEAD,
  type PackedSource,
} from '../../model/locations.js';
import { LineIndex, packToken } from '../line-index.js';
import { moveLoc, newKeyedMap, putFrom, replaceAt } from './located.js';

/** A source that counts the positions made from it, to see that moves keep them packed. */
function countingSource(text: string): PackedSource & { made: number } {
  const lines = new LineIndex(text, 'c.yaml');
  const src = {
    made: 0,
    loc(packed: number): SourceLoc {
      src.made++;
      return lines.loc(packed);
    },
  };
  return src;
}

const head = (): undefined[] => Array<undefined>(READ_TABLE_HEAD).fill(undefined);

/** `depends_on: [db, cache]` as a reader records it. */
function readList(src: PackedSource): string[] {
  const list = ['db', 'cache'];
  setReadPositions(list, src, packToken(12, false), [
    ...head(),
    packToken(13, true),
    packToken(17, true),
  ]);
  return list;
}

const TEXT = 'depends_on: [db, cache]\n';
const at = (col: number, endCol?: number) => ({
  file: 'c.yaml',
  line: 1,
  col,
  ...(endCol === undefined ? {} : { endLine: 1, endCol }),
});

describe('position moves of the canonical stage', () => {
  it('move a list item to a map entry, value and key, without making positions', () => {
    const src = countingSource(TEXT);
    const list = readList(src);
    const map = newKeyedMap<unknown>();
    map.db = { condition: 'service_started' };
    moveLoc(list, 0, map, 'db');
    map.cache = null;
    moveLoc(list, 1, map, 'cache');
    const holder: Record<string, unknown> = { depends_on: list };
    setReadPositions(holder, src, packToken(0, false), [
      ...head(),
      'depends_on',
      packToken(12, false),
      packToken(0, true),
    ]);
    replaceAt(holder, 'depends_on', map);
    expect(src.made).toBe(0);
    expect(getLoc(map, 'db')).toEqual(at(14, 16));
    expect(getKeyLoc(map, 'cache')).toEqual(at(18, 23));
    expect(getSelfLoc(map.db as object)).toEqual(at(14, 16));
    expect(getSelfLoc(map)).toEqual(at(13));
    expect(isWritten(map, 'cache')).toBe(true);
  });

  it('derive values from written text with its position, and mark nothing else written', () => {
    const src = countingSource(TEXT);
    const list = readList(src);
    const long: Record<string, unknown> = { mode: 'ingress' };
    putFrom(long, 'target', 80, list, 1);
    expect(copyLocToSelf(list, 1, long)).toBe(true);
    expect(hasSelfLoc(long)).toBe(true);
    expect(src.made).toBe(0);
    expect(getLoc(long, 'target')).toEqual(at(18, 23));
    expect(getSelfLoc(long)).toEqual(at(18, 23));
    expect(isWritten(long, 'mode')).toBe(false);
    expect(copyValueLoc(list, 5, long, 'mode')).toBe(false);
    expect(hasSelfLoc({})).toBe(false);
  });

  it('carry positions into containers of another source as positions', () => {
    const src = countingSource(TEXT);
    const list = readList(src);
    const other: Record<string, unknown> = { x: 1 };
    setReadPositions(other, new LineIndex('\n\nx: 1\n', 'o.yaml'), packToken(2, false), [
      ...head(),
      'x',
      packToken(5, true),
      packToken(2, true),
    ]);
    other.y = 'db';
    copyValueLoc(list, 0, other, 'y');
    copyKeyLoc(list, 0, other, 'y');
    expect(getLoc(other, 'y')).toEqual(at(14, 16));
    expect(getKeyLoc(other, 'y')).toEqual(at(14, 16));
    expect(getLoc(other, 'x')).toEqual({ file: 'o.yaml', line: 3, col: 4, endLine: 3, endCol: 5 });
  });

  it('carry a merge directive with the position', () => {
    const list = readList(countingSource(TEXT));
    setDirective(list, 1, 'override');
    const map: Record<string, unknown> = { cache: null };
    moveLoc(list, 1, map, 'cache');
    expect(getLoc(map, 'cache')).toEqual(at(18, 23));
    expect(getDirective(map, 'cache')).toBe('override');
  });

  it('make keyed maps that are ordinary objects', () => {
    const m = newKeyedMap<number>();
    m.b = 1;
    m.a = 2;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.keys(m)).toEqual(['b', 'a']);
    expect(JSON.stringify(m)).toBe('{"b":1,"a":2}');
    expect(m).toEqual({ b: 1, a: 2 });
  });
});
