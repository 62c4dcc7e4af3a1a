import { describe, expect, it } from 'vitest';
import { FIT_RULES, estimateFontPt } from './badge-fit';

// The example, "…Wibowo, S.E., M.M.", is 59 characters; M.Ak. makes it 60.
const LONG_NAME = 'Raden Ajeng Siti Nurhaliza Kusumaningrum Wibowo, S.E., M.Ak.';

describe('badge text size guess', () => {
  it('keeps short names at the largest size', () => {
    expect(estimateFontPt('Siti Aminah', FIT_RULES.name!)).toBe(16);
  });
  it('shrinks a 60-character name to a size that still reads across two lines', () => {
    expect(LONG_NAME.length).toBe(60);
    const pt = estimateFontPt(LONG_NAME, FIT_RULES.name!);
    expect(pt).toBeLessThan(16);
    expect(pt).toBeGreaterThanOrEqual(10);
  });
  it('gets smaller as the text gets longer, never below the floor', () => {
    const rule = FIT_RULES.business!;
    let last = Infinity;
    for (let n = 10; n <= 160; n += 10) {
      const pt = estimateFontPt('Usaha '.repeat(30).slice(0, n), rule);
      expect(pt).toBeLessThanOrEqual(last);
      expect(pt).toBeGreaterThanOrEqual(rule.minPt);
      last = pt;
    }
    expect(estimateFontPt('x'.repeat(400), rule)).toBe(rule.minPt);
    expect(estimateFontPt('', rule)).toBe(rule.maxPt);
  });
});
