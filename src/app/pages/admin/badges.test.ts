import { describe, expect, it } from 'vitest';
import { intoPages, qrImageUrl } from './badges';

describe('badge sheets', () => {
  it('splits into pages of eight', () => {
    const pages = intoPages(Array.from({ length: 17 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([8, 8, 1]);
    expect(intoPages([])).toEqual([]);
  });
  it('makes an SVG data URL without raw markup', async () => {
    const url = await qrImageUrl('H1.ABCDEFGHIJKLMNOP.QRSTUVWXYZ234567');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
    expect(url).not.toContain('<');
  });
});
