// Times as the door shows them: the programme runs in WIB (Asia/Jakarta), whatever zone the
// tablet is set to. Indonesian writes 08.12, English 08:12. By arithmetic (../wib.ts): the
// door's screen shows clocks in its first frame, which must not wait for time-zone data.
import type { Bilingual } from '../messages.js';
import type { WibLang } from '../wib.js';
import { WIB_NAMES, wibClockOf, wibIsoDay, wibWall } from '../wib.js';

/** "08.12" / "08:12" in WIB, for epoch ms. */
export function clockText(ms: number): Bilingual {
  const wall = wibWall(ms);
  if (!wall) return { id: '--', en: '--' };
  return { id: wibClockOf(wall, 'id'), en: wibClockOf(wall, 'en') };
}

/** "Selasa 15 Desember 08.00" / "Tuesday 15 December 08:00" in WIB; the text itself if unreadable. */
export function dayTimeText(iso: string): Bilingual {
  const wall = wibWall(Date.parse(iso));
  if (!wall) return { id: iso, en: iso };
  return { id: dayTime(wall, 'id'), en: dayTime(wall, 'en') };
}

function dayTime(wall: Date, lang: WibLang): string {
  const n = WIB_NAMES[lang];
  return `${n.days[wall.getUTCDay()]} ${wall.getUTCDate()} ${n.months[wall.getUTCMonth()]} ${wibClockOf(wall, lang)}`;
}

/** "2026-12-08": the day in WIB of epoch ms, as an ISO date (certificates' dates and years). */
export function wibIsoDate(ms: number): string {
  return wibIsoDay(ms);
}
