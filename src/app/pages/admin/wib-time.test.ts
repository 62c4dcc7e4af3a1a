import { describe, expect, it } from 'vitest';
import { formatWib, formatWibRange, isoToWibInput, wibInputToIso } from './wib-time';

describe('WIB date-time inputs', () => {
  it('reads datetime-local values as WIB wall-clock time', () => {
    expect(wibInputToIso('2026-12-08T08:00')).toBe('2026-12-08T08:00:00+07:00');
    expect(wibInputToIso('2026-12-08T08:00:30')).toBe('2026-12-08T08:00:30+07:00');
    expect(Date.parse(wibInputToIso('2026-12-08T08:00')!)).toBe(Date.parse('2026-12-08T01:00:00Z'));
  });

  it('rejects empty or impossible values', () => {
    expect(wibInputToIso('')).toBeNull();
    expect(wibInputToIso('2026-02-30T08:00')).toBeNull();
    expect(wibInputToIso('2026-12-08T24:00')).toBeNull();
    expect(wibInputToIso('8 Desember')).toBeNull();
  });

  it('shows any instant as WIB in the input', () => {
    expect(isoToWibInput('2026-12-08T01:00:00Z')).toBe('2026-12-08T08:00');
    expect(isoToWibInput('2026-12-08T08:00:00+07:00')).toBe('2026-12-08T08:00');
    expect(isoToWibInput('2026-12-07T20:30:00.000Z')).toBe('2026-12-08T03:30');
    expect(isoToWibInput('nonsense')).toBe('');
  });

  it('round-trips', () => {
    for (const v of ['2026-01-01T00:00', '2026-12-31T23:59', '2027-06-15T12:34']) {
      expect(isoToWibInput(wibInputToIso(v)!)).toBe(v);
    }
  });

  it('formats in Indonesian with WIB', () => {
    expect(formatWib('2026-12-08T08:00:00+07:00', 'id')).toMatch(
      /Selasa, 8 Desember 2026.*08\.00 WIB$/,
    );
    expect(formatWibRange('2026-12-08T08:00:00+07:00', '2026-12-08T16:00:00+07:00', 'id')).toMatch(
      /8 Desember 2026.*08\.00 – 16\.00 WIB$/,
    );
  });
});
