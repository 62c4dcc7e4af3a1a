// Times as the door shows them: the programme runs in WIB (Asia/Jakarta), whatever zone the
// tablet is set to. Indonesian writes 08.12, English 08:12.
import type { Bilingual } from '../messages.js';

type Lang = keyof Bilingual;
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const ZONE = 'Asia/Jakarta';

// Asia/Jakarta is UTC+7 all year (no daylight saving since 1964), so the clock is arithmetic.
// The first DateTimeFormat with a time zone costs a budget tablet ~80 ms (the zone data loads):
// the door's screen shows clocks in its first frame, so it must not need one.
const WIB_MINUTES = 7 * 60;
const DAY_MINUTES = 24 * 60;

// Building a DateTimeFormat is slow; built once per language, on first use.
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let f = dayFormats.get(lang);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: ZONE,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    });
    dayFormats.set(lang, f);
  }
  return f;
}

/** "08.12" / "08:12" in WIB, for epoch ms. */
export function clockText(ms: number): Bilingual {
  return { id: clock(ms, 'id'), en: clock(ms, 'en') };
}

/** "Selasa 15 Desember 08.00" / "Tuesday 15 December 08:00" in WIB; the text itself if unreadable. */
export function dayTimeText(iso: string): Bilingual {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return { id: iso, en: iso };
  return { id: dayTime(ms, 'id'), en: dayTime(ms, 'en') };
}

function clock(ms: number, lang: Lang): string {
  if (!Number.isFinite(ms)) return '--';
  const minutes =
    (((Math.floor(ms / 60_000) + WIB_MINUTES) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(minutes / 60))}${lang === 'id' ? '.' : ':'}${two(minutes % 60)}`;
}

function dayTime(ms: number, lang: Lang): string {
  const parts = dayFormat(lang).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${clock(ms, lang)}`;
}

// Built on first use, not when the module loads: a page that imports this file for its clock
// (the door, at start) must not pay for a formatter it never uses.
let isoDay: Intl.DateTimeFormat | undefined;

/** "2026-12-08": the day in WIB of epoch ms, as an ISO date (certificates' dates and years). */
export function wibIsoDate(ms: number): string {
  isoDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return isoDay.format(ms);
}
