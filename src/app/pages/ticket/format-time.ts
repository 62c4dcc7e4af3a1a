// Dates and times as people in Tangerang Selatan read them: Asia/Jakarta, labelled WIB, whatever
// time zone the phone is set to.
import type { Lang } from '../../i18n/i18n';

const TIME_ZONE = 'Asia/Jakarta';
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = lang + kind;
  let f = cache.get(key);
  if (!f) {
    // en-GB keeps the day-month order Indonesians also use; id-ID writes 08.00.
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
      timeZone: TIME_ZONE,
      ...(kind === 'date'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
    cache.set(key, f);
  }
  return f;
}

/** "Selasa, 8 Desember 2026" / "Tuesday 8 December 2026". */
export function formatDate(iso: string, lang: Lang): string {
  return formatter(lang, 'date').format(new Date(iso));
}

/** "08.00 WIB" / "08:00 WIB". */
export function formatTime(iso: string, lang: Lang): string {
  return `${formatter(lang, 'time').format(new Date(iso))} WIB`;
}

/** One line for a span: the date once when it starts and ends on the same day in Jakarta. */
export function formatSpan(startIso: string, endIso: string, lang: Lang): string {
  const startDay = formatDate(startIso, lang);
  const endDay = formatDate(endIso, lang);
  const from = formatter(lang, 'time').format(new Date(startIso));
  if (startDay === endDay) return `${startDay}, ${from}–${formatTime(endIso, lang)}`;
  return `${startDay}, ${from} – ${endDay}, ${formatTime(endIso, lang)}`;
}

/** The moment `minutes` before `iso`, as ISO text. */
export function minutesBefore(iso: string, minutes: number): string {
  return new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();
}
