// Times as the door shows them: the programme runs in WIB (Asia/Jakarta), whatever zone the
// tablet is set to. Indonesian writes 08.12, English 08:12.
import type { Bilingual } from '../messages.js';

type Lang = keyof Bilingual;
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const ZONE = 'Asia/Jakarta';

// Building a DateTimeFormat is slow; a door formats on every scan.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, kind: 'clock' | 'day'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (f === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'clock'
        ? { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long' };
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    cache.set(key, f);
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
  const parts = formatter(lang, 'clock').formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}${lang === 'id' ? '.' : ':'}${part('minute')}`;
}

function dayTime(ms: number, lang: Lang): string {
  const parts = formatter(lang, 'day').formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${clock(ms, lang)}`;
}

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-12-08": the day in WIB of epoch ms, as an ISO date (certificates' dates and years). */
export function wibIsoDate(ms: number): string {
  return isoDay.format(ms);
}
