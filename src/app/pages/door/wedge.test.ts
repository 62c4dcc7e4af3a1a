import { describe, expect, it } from 'vitest';
import type { WedgeKey } from './wedge';
import { createWedgeReader } from './wedge';

function typeInto(
  read: (k: WedgeKey) => boolean,
  text: string,
  start = 0,
  gap = 5,
  over: Partial<WedgeKey> = {},
) {
  let at = start;
  const results: boolean[] = [];
  for (const key of [...text, 'Enter']) {
    results.push(read({ key, at, editable: false, modified: false, ...over }));
    at += gap;
  }
  return { at, done: results[results.length - 1] };
}

describe('keyboard-wedge reader', () => {
  it('hands over what a scanner typed when Enter comes', () => {
    const got: string[] = [];
    const read = createWedgeReader({ onText: (t) => got.push(t) });
    const ticket = 'H1.ABCDEFGHIJKLMNOP.QRSTUVWXYZ234567';
    expect(typeInto(read, ticket).done).toBe(true);
    typeInto(read, 'H1.SECOND-CODE', 10_000);
    expect(got).toEqual([ticket, 'H1.SECOND-CODE']);
  });

  it('ignores stray short input, keys typed into fields, and shortcuts', () => {
    const got: string[] = [];
    const read = createWedgeReader({ onText: (t) => got.push(t) });
    typeInto(read, 'ab');
    typeInto(read, 'siti aminah', 1000, 5, { editable: true });
    typeInto(read, 'reload', 2000, 5, { modified: true });
    expect(got).toEqual([]);
  });

  it('keeps a ticket whole when stray keys came just before it', () => {
    const got: string[] = [];
    const read = createWedgeReader({ onText: (t) => got.push(t) });
    let at = 0;
    for (const key of 'xq') read({ key, at: (at += 5), editable: false, modified: false });
    typeInto(read, 'H1.ABCDEFGH.IJKLMNOP', at + 200, 5);
    expect(got).toEqual(['H1.ABCDEFGH.IJKLMNOP']);
  });

  it('starts over after a pause longer than a scanner makes', () => {
    const got: string[] = [];
    const read = createWedgeReader({ onText: (t) => got.push(t), maxGapMs: 300 });
    let at = 0;
    for (const key of 'leftover') read({ key, at: (at += 5), editable: false, modified: false });
    at += 5000;
    typeInto(read, 'H1.FRESH-CODE', at);
    expect(got).toEqual(['H1.FRESH-CODE']);
  });
});
