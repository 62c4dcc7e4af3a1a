// The programme runs in WIB (Asia/Jakarta, UTC+7, no daylight saving): <input type=datetime-local>
// values are read as WIB wall-clock time whatever the laptop's own time zone is.
import type { Lang } from '../../i18n/i18n';
import { WIB_OFFSET_MS } from '../../../shared/wib';

/** "2026-12-08T08:00" (WIB wall clock) → "2026-12-08T08:00:00+07:00"; null if not a date-time. */
export function wibInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const check = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0)));
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d! || +h! > 23 || +mi! > 59) {
    return null;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+07:00`;
}

/** Any ISO instant → the WIB wall-clock value for <input type=datetime-local> ("" if invalid). */
export function isoToWibInput(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '';
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 16);
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** "Selasa, 8 Desember 2026 pukul 08.00 WIB" (or the English form). */
export function formatWib(iso: string, lang: Lang): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const text = new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t);
  return `${text} WIB`;
}

/** A start–end span; the end shows only its time when both fall on the same WIB day. */
export function formatWibRange(startIso: string, endIso: string, lang: Lang): string {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return `${startIso} – ${endIso}`;
  const sameDay =
    new Date(start + WIB_OFFSET_MS).toISOString().slice(0, 10) ===
    new Date(end + WIB_OFFSET_MS).toISOString().slice(0, 10);
  if (!sameDay)
    return `${formatWib(startIso, lang).replace(/ WIB$/, '')} – ${formatWib(endIso, lang)}`;
  const time = new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'Asia/Jakarta',
    hour: '2-digit',
    minute: '2-digit',
  }).format(end);
  return `${formatWib(startIso, lang).replace(/ WIB$/, '')} – ${time} WIB`;
}

/** A short date for lists: "8 Des 2026". */
export function formatWibDate(iso: string, lang: Lang): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(t);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "08.12.03" (or "08:12:03") in WIB: a time of day on the day's own screens (feed, lists);
 * without seconds, "08.10", for chart axes and buckets.
 */
export function formatWibClock(iso: string, lang: Lang, opts: { seconds?: boolean } = {}): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '—';
  const seconds = opts.seconds ?? true;
  const key = `${lang}:${seconds}`;
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), {
      timeZone: 'Asia/Jakarta',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' as const } : {}),
    });
    clockFormats.set(key, f);
  }
  return f.format(t);
}
