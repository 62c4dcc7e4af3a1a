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
  /** For reason `walk-in`: who the door registered, to confirm them as a participant. */
  walkIn?: WalkInItem;
}

/** A walk-in as the door registered them, and the participant they were confirmed as, if any. */
export interface WalkInItem {
  scanId: string;
  name: string;
  business: string;
  phone: string;
  /** Their wave: the one the door chose, else the wave of the session they came to. */
  waveId: string | null;
  /** The participant the organizer confirmed them as, or null while not confirmed. */
  participantId: string | null;
}

/** POST /api/events/:eventId/walk-ins/:scanId/participant: make the walk-in a participant. */
export const WalkInLinkBody = v.strictObject({
  /** An existing participant (e.g. they were on the roster after all) instead of a new one. */
  participantId: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
});
export type WalkInLinkBody = v.InferOutput<typeof WalkInLinkBody>;

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
