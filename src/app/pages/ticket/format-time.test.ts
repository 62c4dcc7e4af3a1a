import { describe, expect, it } from 'vitest';
import { formatSpan, formatTime, minutesBefore } from './format-time';

describe('ticket times', () => {
  it('writes Jakarta time with WIB whatever the phone time zone', () => {
    expect(formatTime('2026-12-08T01:00:00Z', 'id')).toBe('08.00 WIB');
    expect(formatTime('2026-12-08T01:00:00Z', 'en')).toBe('08:00 WIB');
  });

  it('names the day once for a span inside one day', () => {
    expect(formatSpan('2026-12-08T08:00:00+07:00', '2026-12-08T16:00:00+07:00', 'id')).toBe(
      'Selasa, 8 Desember 2026, 08.00–16.00 WIB',
    );
    // ICU versions differ on the comma after an English weekday; the rest is stable.
    expect(formatSpan('2026-12-08T08:00:00+07:00', '2026-12-08T16:00:00+07:00', 'en')).toMatch(
      /^Tuesday,? 8 December 2026, 08:00–16:00 WIB$/,
    );
  });

  it('names both days for a span across days', () => {
    expect(formatSpan('2026-12-08T08:00:00+07:00', '2026-12-09T12:00:00+07:00', 'id')).toBe(
      'Selasa, 8 Desember 2026, 08.00 – Rabu, 9 Desember 2026, 12.00 WIB',
    );
  });

  it('computes the arrival time', () => {
    expect(formatTime(minutesBefore('2026-12-08T08:00:00+07:00', 30), 'id')).toBe('07.30 WIB');
  });
});
