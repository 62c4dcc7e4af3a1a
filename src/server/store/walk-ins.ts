// Walk-ins the organizer has made participants: a door registered someone without a ticket, and
// the organizer confirmed them afterwards with a participant record (so they get a ticket and a
// badge, and the walk-in's attendance counts as theirs). The scan itself is never changed.
import type { Kysely, Transaction } from 'kysely';
import { parseCanonicalScanEvent } from '../../shared/api/sync.js';
import type { ScanEvent } from '../../shared/door/types.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Walk-in scan id → the participant it was confirmed as, for one event. */
export async function walkInParticipants(db: Db, eventId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('walk_in_participants')
    .select(['scan_id', 'participant_id'])
    .where('event_id', '=', eventId)
    .execute();
  return new Map(rows.map((r) => [r.scan_id, r.participant_id]));
}

/** The walk-in scan `scanId` of the event, or null when there is none by that id. */
export async function findWalkInScan(
  db: Db,
  eventId: string,
  scanId: string,
): Promise<ScanEvent | null> {
  const row = await db
    .selectFrom('scan_events')
    .select('body')
    .where('event_id', '=', eventId)
    .where('id', '=', scanId)
    .where('kind', '=', 'walk-in')
    .executeTakeFirst();
  return row ? parseCanonicalScanEvent(row.body) : null;
}

/** Records that the walk-in `scanId` is the participant; false when it already was someone. */
export async function linkWalkIn(
  db: Db,
  link: { eventId: string; scanId: string; participantId: string; organizerId: string },
  now = Date.now(),
): Promise<boolean> {
  const res = await db
    .insertInto('walk_in_participants')
    .values({
      scan_id: link.scanId,
      event_id: link.eventId,
      participant_id: link.participantId,
      linked_by: link.organizerId,
      linked_at: now,
    })
    .onConflict((oc) => oc.column('scan_id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
