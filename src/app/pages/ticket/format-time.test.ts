import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatSpan, formatTime, minutesBefore } from './format-time';

describe('ticket times', () => {
  it('writes Jakarta time with WIB whatever the phone time zone', () => {
    expect(formatTime('2026-12-08T01:00:00Z', 'id')).toBe('08.00 WIB');
    expect(formatTime('2026-12-08T01:00:00Z', 'en')).toBe('08:00 WIB');
    // 20:30 UTC is already the next day in Jakarta.
    expect(formatDate('2026-12-07T20:30:00Z', 'id')).toBe('Selasa, 8 Desember 2026');
  });

  it('names the day once for a span inside one day', () => {
    expect(formatSpan('2026-12-08T08:00:00+07:00', '2026-12-08T16:00:00+07:00', 'id')).toBe(
      'Selasa, 8 Desember 2026, 08.00–16.00 WIB',
    );
    expect(formatSpan('2026-12-08T08:00:00+07:00', '2026-12-08T16:00:00+07:00', 'en')).toBe(
      'Tuesday 8 December 2026, 08:00–16:00 WIB',
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

  it('shows text that is not a date as it is, rather than failing the page', () => {
    expect(formatDate('besok pagi', 'id')).toBe('besok pagi');
    expect(formatTime('', 'en')).toBe(' WIB');
  });

  it('says what the platform’s Asia/Jakarta formatter says, for any moment from 1970 to 2100', () => {
    const intl = (lang: 'id' | 'en', kind: 'date' | 'time') =>
      new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
        timeZone: 'Asia/Jakarta',
        ...(kind === 'date'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
          : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      });
    const formats = {
      idDate: intl('id', 'date'),
      idTime: intl('id', 'time'),
      enDate: intl('en', 'date'),
      enTime: intl('en', 'time'),
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (t) => {
        const iso = new Date(t).toISOString();
        expect(formatDate(iso, 'id')).toBe(formats.idDate.format(t));
        expect(formatTime(iso, 'id')).toBe(`${formats.idTime.format(t)} WIB`);
        // ICU versions differ on the comma after an English weekday; the rest must match.
        expect(formatDate(iso, 'en')).toBe(formats.enDate.format(t).replace(',', ''));
        expect(formatTime(iso, 'en')).toBe(`${formats.enTime.format(t)} WIB`);
      }),
      { numRuns: 2000 },
    );
  });
});
