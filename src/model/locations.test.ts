import { describe, expect, it } from 'vitest';
import {
  cloneLocated,
  copyLoc,
  getKeyLoc,
  getLoc,
  getSelfLoc,
  isWritten,
  locAt,
  setKeyLoc,
  setLoc,
  setLocPacked,
  setSelfLoc,
  setSelfPacked,
  setSequencePacked,
} from './locations.js';
import { LineIndex, packToken } from '../loader/line-index.js';

const at = (line: number, col = 1) => ({ file: 'f.yaml', line, col });

describe('source positions', () => {
  it('records values, keys and containers, and tells written from defaulted', () => {
    const svc: Record<string, unknown> = { image: 'a', ports: ['80'] };
    setLoc(svc, 'image', at(2, 12));
    setKeyLoc(svc, 'image', at(2, 5));
    setLoc(svc, 'ports', at(3, 12));
    svc.read_only = false; // defaulted by a stage: no position
    expect(getLoc(svc, 'image')).toEqual(at(2, 12));
    expect(getKeyLoc(svc, 'image')).toEqual(at(2, 5));
    expect(getKeyLoc(svc, 'ports')).toEqual(at(3, 12)); // falls back to the value
    expect(getSelfLoc(svc.ports as object)).toEqual(at(3, 12));
    expect(isWritten(svc, 'image')).toBe(true);
    expect(isWritten(svc, 'read_only')).toBe(false);
  });

  it('treats keys that name Object.prototype members as ordinary keys', () => {
    const m: Record<string, unknown> = {};
    expect(getLoc(m, 'constructor')).toBeUndefined();
    expect(isWritten(m, 'toString')).toBe(false);
    Object.defineProperty(m, '__proto__', { value: 1, enumerable: true });
    setLoc(m, '__proto__', at(4));
    expect(getLoc(m, '__proto__')).toEqual(at(4));
  });

  it('keeps positions out of the data: keys, JSON and spread copies', () => {
    const m: Record<string, unknown> = { a: 1 };
    setLoc(m, 'a', at(1));
    setSelfLoc(m, at(1));
    expect(Object.keys(m)).toEqual(['a']);
    expect(JSON.stringify(m)).toBe('{"a":1}');
    expect(getLoc({ ...m }, 'a')).toBeUndefined();
  });

  it('copies positions with clones and single entries', () => {
    const m = { list: [{ x: 1 }] };
    setLoc(m, 'list', at(1));
    setLoc(m.list, 0, at(2));
    setLoc(m.list[0] as object, 'x', at(2, 5));
    const c = cloneLocated(m);
    expect(c).not.toBe(m);
    expect(locAt(c, ['list', 0, 'x'])).toEqual(at(2, 5));
    const to: Record<string, unknown> = { y: 1 };
    copyLoc(m.list[0] as object, 'x', to, 'y');
    expect(getLoc(to, 'y')).toEqual(at(2, 5));
  });

  it('points at the closest written ancestor of a path', () => {
    const m = { services: { web: { image: 'a' } } };
    setLoc(m, 'services', at(1));
    setLoc(m.services, 'web', at(2));
    expect(locAt(m, ['services', 'web', 'ports', 0])).toEqual(at(2));
  });

  describe('packed positions', () => {
    const text = 'a: "x y"\nb: [1, 2]\n';
    const src = new LineIndex(text, 'p.yaml');
    const other = new LineIndex('\n\n' + text, 'q.yaml');
    const read = () => {
      const list = [1, 2];
      const m: Record<string, unknown> = { a: 'x y', b: list };
      setSelfPacked(m, src, packToken(0, false));
      setLocPacked(m, 'a', packToken(3, true), packToken(0, true));
      setSelfPacked(list, src, packToken(12, false));
      setSequencePacked(list, [packToken(13, true), packToken(16, true)]);
      setLocPacked(m, 'b', packToken(12, false), packToken(9, true));
      return m;
    };
    const loc = (line: number, col: number, endCol?: number) => ({
      file: 'p.yaml',
      line,
      col,
      ...(endCol === undefined ? {} : { endLine: line, endCol }),
    });

    it('are made into positions when asked for, with the token end of scalars', () => {
      const m = read();
      expect(getSelfLoc(m)).toEqual(loc(1, 1));
      expect(getLoc(m, 'a')).toEqual(loc(1, 4, 9));
      expect(getKeyLoc(m, 'a')).toEqual(loc(1, 1, 2));
      expect(getLoc(m, 'b')).toEqual(loc(2, 4));
      expect(getKeyLoc(m, 'b')).toEqual(loc(2, 1, 2));
      expect(getLoc(m.b as object, 1)).toEqual(loc(2, 8, 9));
      expect(isWritten(m, 'a')).toBe(true);
      expect(locAt(m, ['b', 0])).toEqual(loc(2, 5, 6));
    });

    it('keep the key position when a stage records a new value position', () => {
      const m = read();
      setLoc(m, 'a', at(9));
      expect(getLoc(m, 'a')).toEqual(at(9));
      expect(getKeyLoc(m, 'a')).toEqual(loc(1, 1, 2));
      setKeyLoc(m, 'b', at(8));
      copyLoc(read(), 'b', m, 'b');
      expect(getKeyLoc(m, 'b')).toEqual(loc(2, 1, 2));
    });

    it('survive copies into containers of another source', () => {
      const m = read();
      const c = cloneLocated(m);
      expect(getLoc(c, 'a')).toEqual(loc(1, 4, 9));
      expect(getLoc(c.b as object, 0)).toEqual(loc(2, 5, 6));
      const foreign: Record<string, unknown> = { z: 1 };
      setSelfPacked(foreign, other, packToken(2, false));
      setLocPacked(foreign, 'z', packToken(5, true), packToken(2, true));
      copyLoc(m, 'a', foreign, 'y');
      expect(getLoc(foreign, 'y')).toEqual(loc(1, 4, 9));
      expect(getKeyLoc(foreign, 'y')).toEqual(loc(1, 1, 2));
      expect(getKeyLoc(foreign, 'z')).toEqual({ ...loc(3, 1, 2), file: 'q.yaml' });
      const list: unknown[] = [];
      copyLoc(m, 'a', list, 0);
      expect(getLoc(list, 0)).toEqual(loc(1, 4, 9));
      expect(getKeyLoc(list, 0)).toEqual(loc(1, 1, 2));
    });
  });
});
