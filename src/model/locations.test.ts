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
  setSelfLoc,
} from './locations.js';

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
});
