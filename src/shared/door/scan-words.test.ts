// Every verdict code and scan kind has words in both languages, and none of them is a raw code.
import { describe, expect, it } from 'vitest';
import { flagWords, scanAdmits, scanWords, verdictWords } from './scan-words.js';
import { VERDICT_KINDS } from './types.js';

const KINDS = ['check-in', 'undo', 're-entry', 'override', 'walk-in'] as const;

describe('scan words', () => {
  it('gives every verdict Indonesian and English words that are not its code', () => {
    for (const kind of VERDICT_KINDS) {
      const w = verdictWords(kind);
      expect(w.id.length).toBeGreaterThan(3);
      expect(w.en.length).toBeGreaterThan(3);
      // A raw code is lower-case words joined by dashes; words start with a capital.
      expect(w.id).toMatch(/^[A-Z]/);
      expect(w.en).toMatch(/^[A-Z]/);
      expect(w.id).not.toContain(kind);
    }
  });

  it('names the words the organizer expects', () => {
    expect(verdictWords('admitted').id).toBe('Diterima');
    expect(verdictWords('revoked').id).toBe('Tiket dicabut');
    expect(verdictWords('not-a-ticket').id).toBe('Bukan tiket Hadir');
  });

  it('says which wave a wrong-wave ticket belongs to, with its place and day in WIB', () => {
    const w = verdictWords('wrong-wave', {
      name: 'Gelombang 2',
      venue: 'Balaikota',
      startsAt: '2026-12-15T01:30:00Z',
    });
    expect(w.id).toBe(
      'Salah gelombang — tiketnya Gelombang 2, Balaikota, Selasa 15 Desember 08.30',
    );
    expect(w.en).toContain('the ticket is for Gelombang 2, Balaikota, Tuesday 15 December 08:30');
  });

  it('words every scan kind, and a check-in by its verdict', () => {
    for (const kind of KINDS) {
      const w = scanWords({ kind, verdict: kind === 'check-in' ? 'admitted' : null });
      expect(w.id).not.toBe(kind);
      expect(w.en).not.toBe(kind);
    }
    expect(scanWords({ kind: 'walk-in', verdict: null }).id).toContain('Tanpa tiket');
    expect(scanWords({ kind: 'check-in', verdict: 'forged' }).id).toContain('tidak sah');
  });

  it('tells admissions from refusals', () => {
    expect(scanAdmits({ kind: 'check-in', verdict: 'admitted' })).toBe(true);
    expect(scanAdmits({ kind: 'check-in', verdict: 'wrong-wave' })).toBe(false);
    expect(scanAdmits({ kind: 'override', verdict: null })).toBe(true);
    expect(scanAdmits({ kind: 'undo', verdict: null })).toBe(false);
  });

  it('names the door flags, and an unknown flag plainly', () => {
    expect(flagWords('manual-search').id).toContain('nama/nomor HP');
    expect(flagWords('new-thing').en).toBe('Flagged: new-thing');
  });
});
