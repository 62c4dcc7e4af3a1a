import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCooldown } from './cooldown.js';

describe('createCooldown', () => {
  it('ignores the same code seen on every frame while it is held up', () => {
    const c = createCooldown({ ms: 3000 });
    expect(c.shouldIgnore('H1.A.B', 0)).toBe(false);
    // 30 frames a second for ten seconds: one showing, one verdict.
    for (let t = 33; t <= 10_000; t += 33) expect(c.shouldIgnore('H1.A.B', t)).toBe(true);
  });

  it('never ignores a different code: the next person goes straight through', () => {
    const c = createCooldown();
    expect(c.shouldIgnore('ticket-1', 0)).toBe(false);
    expect(c.shouldIgnore('ticket-2', 1)).toBe(false);
    expect(c.shouldIgnore('ticket-3', 2)).toBe(false);
    // Back and forth between two codes in view: each is still the same showing.
    expect(c.shouldIgnore('ticket-1', 3)).toBe(true);
    expect(c.shouldIgnore('ticket-2', 4)).toBe(true);
  });

  it('gives a verdict again once the code was out of view for the whole window', () => {
    const c = createCooldown({ ms: 3000 });
    expect(c.shouldIgnore('T', 1000)).toBe(false);
    expect(c.shouldIgnore('T', 3999)).toBe(true);
    expect(c.shouldIgnore('T', 6998)).toBe(true);
    expect(c.shouldIgnore('T', 9999)).toBe(false); // shown again: the door will say already-in
    expect(c.shouldIgnore('T', 10_000)).toBe(true);
  });

  it('defaults to three seconds', () => {
    const c = createCooldown();
    expect(c.shouldIgnore('T', 0)).toBe(false);
    expect(c.shouldIgnore('T', 2999)).toBe(true);
    expect(c.shouldIgnore('T', 5999)).toBe(false);
  });

  it('does not ignore after the clock went backwards', () => {
    const c = createCooldown();
    expect(c.shouldIgnore('T', 10_000)).toBe(false);
    expect(c.shouldIgnore('T', 5000)).toBe(false);
    expect(c.shouldIgnore('T', 5001)).toBe(true);
  });

  it('matches a simple model for any sequence of sightings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 4000 }))),
        (ms, steps) => {
          const c = createCooldown({ ms });
          const last = new Map<string, number>();
          let now = 0;
          for (const [text, gap] of steps) {
            now += gap;
            const prev = last.get(text);
            const expected = prev !== undefined && now - prev < ms;
            expect(c.shouldIgnore(text, now)).toBe(expected);
            last.set(text, now);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
