// Organizers' "reviewed" marks on "Perlu diperiksa" items: who looked, and when.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** An event's marks by item key, with the reviewer's username. */
export async function listReviewMarks(
  db: Db,
  eventId: string,
): Promise<Map<string, { by: string; at: number }>> {
  const rows = await db
    .selectFrom('review_marks as m')
    .leftJoin('organizers as o', 'o.id', 'm.reviewed_by')
    .select(['m.item_key', 'm.reviewed_at', 'm.reviewed_by', 'o.username'])
    .where('m.event_id', '=', eventId)
    .execute();
  return new Map(
    rows.map((r) => [r.item_key, { by: r.username ?? r.reviewed_by, at: Number(r.reviewed_at) }]),
  );
}

/** Marks an item reviewed (the first mark stands), or removes the mark. */
export async function setReviewMark(
  db: Db,
  mark: { eventId: string; key: string; organizerId: string; reviewed: boolean; now: number },
): Promise<void> {
  if (!mark.reviewed) {
    await db
      .deleteFrom('review_marks')
      .where('event_id', '=', mark.eventId)
      .where('item_key', '=', mark.key)
      .execute();
    return;
  }
  await db
    .insertInto('review_marks')
    .values({
      event_id: mark.eventId,
      item_key: mark.key,
      reviewed_by: mark.organizerId,
      reviewed_at: mark.now,
    })
    .onConflict((oc) => oc.columns(['event_id', 'item_key']).doNothing())
    .execute();
}
