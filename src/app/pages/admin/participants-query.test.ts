import { describe, expect, it } from 'vitest';
import { filterSearch, listPath, pageCount, readFilter } from './participants-query';

describe('participants list filter', () => {
  it('round-trips through the page URL', () => {
    const f = { q: 'Siti', wave: 'W1', status: 'active' as const, page: 3 };
    expect(readFilter(new URLSearchParams(filterSearch(f)))).toEqual(f);
    expect(filterSearch({ q: '', wave: '', status: '', page: 1 })).toBe('');
  });
  it('ignores malformed values', () => {
    expect(readFilter(new URLSearchParams('status=deleted&page=-2'))).toEqual({
      q: '',
      wave: '',
      status: '',
      page: 1,
    });
  });
  it('asks the API for the right slice', () => {
    expect(listPath('E 1', { q: ' a&b ', wave: '', status: 'cancelled', page: 2 })).toBe(
      '/api/events/E%201/participants?q=a%26b&status=cancelled&offset=50&limit=50',
    );
    expect(pageCount(0)).toBe(1);
    expect(pageCount(782)).toBe(16);
  });
});

describe('participants attendance filter', () => {
  it('keeps hadir / belum hadir and the session in the page URL and asks the server for it', () => {
    const f = {
      q: '',
      wave: '',
      status: '' as const,
      attendance: 'belum' as const,
      session: 'S1',
      page: 1,
    };
    expect(filterSearch(f)).toBe('?hadir=belum&session=S1');
    expect(readFilter(new URLSearchParams('hadir=belum&session=S1'))).toEqual(f);
    expect(listPath('E1', f)).toBe(
      '/api/events/E1/participants?attendance=belum&session=S1&offset=0&limit=50',
    );
    expect(readFilter(new URLSearchParams('hadir=mungkin')).attendance).toBeUndefined();
  });
});
