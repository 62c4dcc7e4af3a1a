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
