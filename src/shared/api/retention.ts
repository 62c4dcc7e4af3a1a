// Keeping personal data no longer than needed (UU 27/2022): an event's retention day and the
// erasure of its participants' personal data. Shared by the server routes and the event page.
import * as v from 'valibot';

/** The placeholder a participant's name becomes when no certificate needs it. */
export const ERASED_NAME = 'Peserta dihapus';

/** Days after the last wave ends that the event page suggests as the retention day. */
export const SUGGESTED_DAYS = 90;

/** GET /api/events/:eventId/retention. */
export interface RetentionInfo {
  /** The day (YYYY-MM-DD, WIB) personal data is erased; null: not set. */
  retainUntil: string | null;
  /** SUGGESTED_DAYS after the last wave ends (YYYY-MM-DD); null: no waves yet. */
  suggested: string | null;
  /** When it was last erased (ISO); null: never. */
  erasedAt: string | null;
  /** Username of the admin who erased it on demand; null: the schedule, or never. */
  erasedBy: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isFinite(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** PUT /api/events/:eventId/retention. */
export const RetentionBody = v.object({
  retainUntil: v.nullable(v.pipe(v.string(), v.maxLength(10))),
});

/** POST /api/events/:eventId/retention/erase: the event's name typed again. */
export const EraseBody = v.object({ confirmName: v.pipe(v.string(), v.maxLength(300)) });

/** POST …/erase answers with the participants whose data changed and the new state. */
export interface EraseAnswer {
  erased: number;
  retention: RetentionInfo;
}

/** The instant the erasure of `day` is due: its start in WIB (UTC+7, no daylight saving). */
export function dueAt(day: string): number {
  return Date.parse(`${day}T00:00:00+07:00`);
}

/** SUGGESTED_DAYS after the latest of the waves' ends, as a WIB day; null without waves. */
export function suggestedRetention(waveEnds: readonly string[]): string | null {
  const ends = waveEnds.map((e) => Date.parse(e)).filter((ms) => Number.isFinite(ms));
  if (ends.length === 0) return null;
  const last = Math.max(...ends) + SUGGESTED_DAYS * 86_400_000;
  return new Date(last + 7 * 3_600_000).toISOString().slice(0, 10);
}
