// Dates and times as people in Tangerang Selatan read them: Jakarta time, labelled WIB, whatever
// time zone the phone is set to; by arithmetic (shared/wib.ts), since an Intl.DateTimeFormat for
// a time zone was the longest piece of the ticket's first frame on a budget phone.
import type { Lang } from '../../i18n/i18n';
import { WIB_NAMES, wibClockOf, wibWall } from '../../../shared/wib';

// Indonesian writes 08.00 and a comma after the weekday; British English neither.
const DAY_SEP: Record<Lang, string> = { id: ', ', en: ' ' };

/** The WIB wall clock of `iso` as a UTC-based Date, or null when it is not a date. */
function wib(iso: string): Date | null {
  return wibWall(Date.parse(iso));
}

/** "08.00" / "08:00" (24-hour), without the zone. */
function clock(iso: string, lang: Lang): string {
  const d = wib(iso);
  return d ? wibClockOf(d, lang) : iso;
}

/** "Selasa, 8 Desember 2026" / "Tuesday 8 December 2026". */
export function formatDate(iso: string, lang: Lang): string {
  const d = wib(iso);
  if (!d) return iso;
  const n = WIB_NAMES[lang];
  return `${n.days[d.getUTCDay()]}${DAY_SEP[lang]}${d.getUTCDate()} ${n.months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
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
