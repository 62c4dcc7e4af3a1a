import { describe, expect, it } from 'vitest';
import { badgeScopeQuery, badgesPagePath, readBadgeScope } from './badge-scope';
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

describe('what the badges page prints', () => {
  const scope = (q: string) => readBadgeScope(new URLSearchParams(q));
  it('reads a wave, all waves, chosen participants or nothing from the query', () => {
    expect(scope('wave=W1')).toEqual({ kind: 'wave', waveId: 'W1' });
    expect(scope('all=1')).toEqual({ kind: 'all' });
    expect(scope('ids=P1,P2,,P1')).toEqual({ kind: 'ids', ids: ['P1', 'P2'] });
    expect(scope('ids=P1&wave=W1')).toEqual({ kind: 'ids', ids: ['P1'] });
    expect(scope('')).toEqual({ kind: 'none' });
  });
  it('keeps at most 500 chosen participants', () => {
    const ids = Array.from({ length: 600 }, (_, i) => `P${i}`).join(',');
    const s = scope(`ids=${ids}`);
    expect(s.kind === 'ids' && s.ids.length).toBe(500);
  });
  it('writes the same query back, for the page and the API', () => {
    for (const q of ['?wave=W1', '?all=1', '?ids=P1,P2']) {
      expect(badgeScopeQuery(scope(q))).toBe(q);
    }
    expect(badgesPagePath('E1', { kind: 'ids', ids: ['A'] })).toBe('/admin/events/E1/badges?ids=A');
  });
});
