// The "Perlu diperiksa" list: everything at the door that needs an organizer's look, each with
// why, and whether (and by whom) it was marked reviewed. Words for each reason: scan-words.ts.
import * as v from 'valibot';

/** Why an item needs a look. */
export type ReviewReason =
  | 'manual-search'
  | 'walk-in'
  | 'override'
  | 'not-in-roster'
  | 'flag'
  | 'double-admission'
  | 'id-conflict'
  | 'rejected'
  | 'forged';

export interface ReviewItem {
  /** Stable name of the item; marks are stored under it. */
  key: string;
  reason: ReviewReason;
  /** The door's flag, for reason `flag`; the server's "Indonesian / English" words for `rejected`. */
  detail: string | null;
  name: string | null;
  business: string | null;
  /** Corrected time of the scan (ISO), or when the server received it. */
  at: string;
  door: string | null;
  deviceName: string | null;
  volunteer: string | null;
  reviewed: { by: string; at: string } | null;
}

/** GET /api/events/:eventId/review: oldest first; `open` counts the items not reviewed yet. */
export interface ReviewReport {
  eventId: string;
  items: ReviewItem[];
  open: number;
  serverTime: string;
}

/** POST /api/events/:eventId/review/marks: mark an item reviewed, or take the mark back. */
export const ReviewMarkBody = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  reviewed: v.optional(v.boolean(), true),
});
export type ReviewMarkBody = v.InferOutput<typeof ReviewMarkBody>;
