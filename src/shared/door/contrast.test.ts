import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './contrast.js';

describe('contrastRatio', () => {
  it('matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // #767676 on white is the classic lightest AA grey (4.54:1); #777777 just fails (4.48:1).
    expect(contrastRatio('#767676', '#FFFFFF')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
  });

  it('refuses anything but #rrggbb', () => {
    for (const bad of ['#fff', 'red', '000000', '#gggggg', '#1234567']) {
      expect(() => contrastRatio(bad, '#ffffff'), bad).toThrow(RangeError);
    }
  });
});
