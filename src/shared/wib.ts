// WIB (Asia/Jakarta) wall-clock time by arithmetic, for every screen that shows one: the
// programme runs in WIB whatever zone the phone or tablet is set to, and Jakarta is UTC+7 all
// year (no daylight saving since 1964). Building an Intl.DateTimeFormat with a time zone costs a
// budget phone 80–140 ms the first time (the zone data loads; e2e/bench/first-second.ts), which
// the ticket's and the door's first frames cannot afford; the names below are the ones id-ID and
// en-GB use, checked against the platform's own formatting in the tests.

export type WibLang = 'id' | 'en';

export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The WIB wall clock of epoch ms as a Date read with its getUTC… methods; null if not finite. */
export function wibWall(ms: number): Date | null {
  return Number.isFinite(ms) ? new Date(ms + WIB_OFFSET_MS) : null;
}

export const WIB_NAMES: Record<WibLang, { days: readonly string[]; months: readonly string[] }> = {
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
  },
};

const two = (n: number) => String(n).padStart(2, '0');

/** "08.12" (Indonesian) or "08:12" (English), 24-hour, of a wall-clock Date from wibWall. */
export function wibClockOf(wall: Date, lang: WibLang): string {
  return `${two(wall.getUTCHours())}${lang === 'id' ? '.' : ':'}${two(wall.getUTCMinutes())}`;
}

/** "2026-12-08": the WIB day of epoch ms as an ISO date; '' if not finite. */
export function wibIsoDay(ms: number): string {
  return wibWall(ms)?.toISOString().slice(0, 10) ?? '';
}
