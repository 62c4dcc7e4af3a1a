import { describe, expect, it } from 'vitest';
import { createIdFactory, newScanId, scanIdTime } from './ids';

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const fixedRandom = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);

describe('scan ids', () => {
  it('are 26 Crockford base32 characters carrying their millisecond', () => {
    const now = Date.UTC(2026, 11, 8, 1, 0, 0, 123);
    const id = createIdFactory({ now: () => now })();
    expect(id).toMatch(ID);
    expect(scanIdTime(id)).toBe(now);
    expect(newScanId()).toMatch(ID);
  });

  it('encode time in the first 10 characters and 80 random bits after', () => {
    const id = createIdFactory({ now: () => 0, random: fixedRandom(0) })();
    expect(id).toBe('0'.repeat(26));
    const max = createIdFactory({ now: () => 2 ** 48 - 1, random: fixedRandom(0xff) })();
    expect(max).toBe('7' + 'Z'.repeat(25));
  });

  it('sort in time order across milliseconds', () => {
    let t = 1_700_000_000_000;
    const next = createIdFactory({ now: () => (t += 1) });
    const ids = Array.from({ length: 500 }, next);
    expect([...ids].sort()).toEqual(ids);
  });

  it('strictly increase within one millisecond', () => {
    const next = createIdFactory({ now: () => 1_700_000_000_000 });
    const ids = Array.from({ length: 2000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(0, 10))).size).toBe(1);
  });

  it('strictly increase when the clock steps back, keeping the last time', () => {
    const times = [5000, 5000, 4000, 6000];
    const next = createIdFactory({ now: () => times.shift() ?? 0 });
    const ids = [next(), next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(scanIdTime)).toEqual([5000, 5000, 5000, 6000]);
  });

  it('carry into the next character when the random part ends in Z', () => {
    const random = new Uint8Array(10);
    random[9] = 0xff; // last character Z (0b11111)
    const next = createIdFactory({ now: () => 1, random: () => random });
    const [a, b] = [next(), next()];
    expect(a.slice(-2)).toBe('7Z');
    expect(b.slice(-2)).toBe('80');
  });

  it('refuse to wrap around when the random part is exhausted', () => {
    const next = createIdFactory({ now: () => 1, random: fixedRandom(0xff) });
    next();
    expect(() => next()).toThrow(RangeError);
  });

  it('refuse a time outside 48 bits', () => {
    expect(() => createIdFactory({ now: () => 2 ** 48 })()).toThrow(RangeError);
    expect(() => createIdFactory({ now: () => -1 })()).toThrow(RangeError);
  });

  it('scanIdTime rejects text that is not an id', () => {
    expect(scanIdTime('')).toBeNull();
    expect(scanIdTime('0'.repeat(25))).toBeNull();
    expect(scanIdTime('I'.repeat(26))).toBeNull(); // I, L, O, U are not Crockford
    expect(scanIdTime('8' + '0'.repeat(25))).toBeNull(); // beyond 48 bits
  });
});
