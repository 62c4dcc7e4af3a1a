import { describe, expect, it } from 'vitest';
import { rosterWords, searchWords } from './words';

describe('search words', () => {
  it('lowercases, strips accents and apostrophes, splits on anything else', () => {
    expect(searchWords("  H. Muh. Ma'ruf  Amín-Saleh ")).toEqual([
      'h',
      'muh',
      'maruf',
      'amin',
      'saleh',
    ]);
    expect(searchWords('MA’RUF')).toEqual(['maruf']);
    expect(searchWords('Toko 1234 (cab. 2)')).toEqual(['toko', '1234', 'cab', '2']);
    expect(searchWords(' · ')).toEqual([]);
  });

  it('keeps one copy of a word and cuts very long words', () => {
    expect(searchWords('Siti siti SITI')).toEqual(['siti']);
    expect(searchWords('a'.repeat(40))).toEqual(['a'.repeat(24)]);
  });

  it('indexes both the name and the business', () => {
    expect(rosterWords({ name: 'Siti Aminah', business: 'Keripik Bu Siti' })).toEqual([
      'siti',
      'aminah',
      'keripik',
      'bu',
    ]);
  });
});
