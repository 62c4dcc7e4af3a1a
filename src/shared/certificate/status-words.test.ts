// The verification page's words for a genuine certificate's standing: the reason of a revocation
// is shown, and every standing has words in both languages.
import { describe, expect, it } from 'vitest';
import type { CertificateStanding } from './status-words.js';
import { standingOf, standingWords } from './status-words.js';

describe('certificate standing', () => {
  it('reads the server answer', () => {
    const base = { id: 'C', version: 1, newestVersion: 1, revokeReason: null, revokedAt: null };
    expect(standingOf({ ...base, status: 'valid' })).toEqual({ kind: 'valid' });
    expect(
      standingOf({ ...base, status: 'revoked', revokeReason: 'Data salah', revokedAt: 'T' }),
    ).toEqual({ kind: 'revoked', reason: 'Data salah', at: 'T' });
    const newer = standingOf({ ...base, status: 'superseded', newestVersion: 2 });
    expect(newer).toEqual({ kind: 'superseded', newestVersion: 2 });
    expect(standingWords(newer).body.id).toContain('(versi 2)');
  });

  it('says a revocation with its reason, plainly', () => {
    const w = standingWords({ kind: 'revoked', reason: 'Nama salah ketik', at: null });
    expect(w.tone).toBe('bad');
    expect(w.title.id).toMatch(/DICABUT/);
    expect(w.body.id).toContain('Alasan: Nama salah ketik');
    expect(w.body.en).toContain('Reason: Nama salah ketik');
  });

  it('has words in both languages for every standing', () => {
    const all: CertificateStanding[] = [
      { kind: 'checking' },
      { kind: 'valid' },
      { kind: 'revoked', reason: null, at: null },
      { kind: 'superseded', newestVersion: null },
      { kind: 'not-found' },
      { kind: 'unchecked' },
    ];
    for (const s of all) {
      const w = standingWords(s);
      for (const text of [w.title.id, w.title.en, w.body.id, w.body.en]) {
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/null|undefined/);
      }
    }
    expect(standingWords({ kind: 'unchecked' }).title.id).toBe('Pencabutan belum bisa diperiksa');
  });
});
