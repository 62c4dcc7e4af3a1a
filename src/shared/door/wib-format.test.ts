import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockText, dayTimeText, wibIsoDate } from './wib-format.js';

describe('WIB times', () => {
  it('shows Asia/Jakarta wall-clock time whatever the instant’s own offset', () => {
    expect(clockText(Date.parse('2026-12-08T01:12:00Z'))).toEqual({ id: '08.12', en: '08:12' });
    expect(clockText(Date.parse('2026-12-07T17:05:00Z'))).toEqual({ id: '00.05', en: '00:05' });
    expect(dayTimeText('2026-12-14T18:30:00-06:30')).toEqual({
      id: 'Selasa 15 Desember 08.00',
      en: 'Tuesday 15 December 08:00',
    });
  });

  it('reads the same clock as the browser’s own Asia/Jakarta formatting, at any instant', () => {
    const wib = (locale: string) =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'Asia/Jakarta',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    const [id, en] = [wib('id-ID'), wib('en-GB')];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(clockText(ms)).toEqual({ id: id.format(ms), en: en.format(ms) });
      }),
      { numRuns: 2000 },
    );
  });

  it('names the day and the WIB date as the browser’s own Asia/Jakarta formatting does', () => {
    const intl = (locale: string, opts: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Jakarta', ...opts });
    const day = { weekday: 'long', day: 'numeric', month: 'long' } as const;
    const [idDay, enDay] = [intl('id-ID', day), intl('en-GB', day)];
    const iso = intl('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const text = dayTimeText(new Date(ms).toISOString());
        const clock = clockText(ms);
        // ICU versions differ on a comma after the weekday; the words and numbers must match.
        expect(text.id).toBe(`${idDay.format(ms).replace(',', '')} ${clock.id}`);
        expect(text.en).toBe(`${enDay.format(ms).replace(',', '')} ${clock.en}`);
        expect(wibIsoDate(ms)).toBe(iso.format(ms));
      }),
      { numRuns: 1000 },
    );
  });

  it('degrades to something readable on bad input', () => {
    expect(clockText(Number.NaN)).toEqual({ id: '--', en: '--' });
    expect(dayTimeText('tomorrow')).toEqual({ id: 'tomorrow', en: 'tomorrow' });
  });
});
