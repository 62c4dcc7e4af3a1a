// Dates and times as people in Tangerang Selatan read them: Jakarta time, labelled WIB, whatever
// time zone the phone is set to. WIB is UTC+7 all year (no daylight saving), so the wall clock is
// plain arithmetic with hand-written day and month names: building an Intl.DateTimeFormat for a
// time zone costs about 130 ms on a budget phone (4× throttled Chromium, e2e/bench/first-second.ts),
// the longest piece of the ticket's first frame, for text that never changes.
import type { Lang } from '../../i18n/i18n';

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

const NAMES = {
  id: {
    days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    months: [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ],
    // id-ID writes 08.00; the weekday is followed by a comma.
    timeSep: '.',
    daySep: ', ',
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    // British order (day before month), as Indonesians also write it: "Tuesday 8 December 2026".
    timeSep: ':',
    daySep: ' ',
  },
} as const;

/** The WIB wall clock of `iso` as a UTC-based Date, or null when it is not a date. */
function wib(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + WIB_OFFSET_MS) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "08.00" / "08:00" (24-hour), without the zone. */
function clock(iso: string, lang: Lang): string {
  const d = wib(iso);
  return d ? `${pad(d.getUTCHours())}${NAMES[lang].timeSep}${pad(d.getUTCMinutes())}` : iso;
}

/** "Selasa, 8 Desember 2026" / "Tuesday 8 December 2026". */
export function formatDate(iso: string, lang: Lang): string {
  const d = wib(iso);
  if (!d) return iso;
  const n = NAMES[lang];
  return `${n.days[d.getUTCDay()]}${n.daySep}${d.getUTCDate()} ${n.months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "08.00 WIB" / "08:00 WIB". */
export function formatTime(iso: string, lang: Lang): string {
  return `${clock(iso, lang)} WIB`;
}

/** One line for a span: the date once when it starts and ends on the same day in Jakarta. */
export function formatSpan(startIso: string, endIso: string, lang: Lang): string {
  const startDay = formatDate(startIso, lang);
  const endDay = formatDate(endIso, lang);
  const from = clock(startIso, lang);
  if (startDay === endDay) return `${startDay}, ${from}–${formatTime(endIso, lang)}`;
  return `${startDay}, ${from} – ${endDay}, ${formatTime(endIso, lang)}`;
}

/** The moment `minutes` before `iso`, as ISO text. */
export function minutesBefore(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();
}
