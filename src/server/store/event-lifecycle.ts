// An event's lifecycle: archived (read-only, hidden from the list) and back, or deleted with
// everything it holds. Also the lookups that tell which event a write route would change.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Archives (now) or un-archives (null) an event; false if it does not exist. */
export async function setArchived(db: Db, eventId: string, at: number | null): Promise<boolean> {
  const r = await db
    .updateTable('events')
    .set({ archived_at: at })
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** True when the event exists and is archived. */
export async function isArchived(db: Db, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('archived_at')
    .where('id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined && row.archived_at !== null;
}

/** The event a wave, session, participant, device or certificate belongs to; undefined when unknown. */
export async function eventOf(
  db: Db,
  kind: 'waves' | 'sessions' | 'participants' | 'devices' | 'certificates',
  id: string,
): Promise<string | undefined> {
  if (kind === 'sessions') {
    const row = await db
      .selectFrom('wave_sessions as s')
      .innerJoin('waves as w', 'w.id', 's.wave_id')
      .select('w.event_id')
      .where('s.id', '=', id)
      .executeTakeFirst();
    return row?.event_id;
  }
  const row = await db.selectFrom(kind).select('event_id').where('id', '=', id).executeTakeFirst();
  return row?.event_id;
}

/**
 * Deletes the event and every row that belongs to it, children first, in one transaction.
 * Tables added later that hold an event's rows must be added here.
 */
export async function deleteEventCascade(db: Kysely<Database>, eventId: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const waveIds = tx.selectFrom('waves').select('id').where('event_id', '=', eventId);
    const deviceIds = tx.selectFrom('devices').select('id').where('event_id', '=', eventId);
    await tx.deleteFrom('review_marks').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('eligibility_rules').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('eligibility_overrides').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('device_reports').where('device_id', 'in', deviceIds).execute();
    for (const table of [
      'scan_rejections',
      'scan_conflicts',
      'scan_events',
      'roster_changes',
      'revocations',
      'pairing_codes',
      'devices',
      'import_drafts',
      'walk_in_participants',
      'ticket_sends',
      'event_logos',
      'certificate_sends',
      'certificates',
      'certificate_counters',
      'certificate_templates',
      'certificate_images',
      'participants',
    ] as const) {
      await tx.deleteFrom(table).where('event_id', '=', eventId).execute();
    }
    await tx.deleteFrom('wave_sessions').where('wave_id', 'in', waveIds).execute();
    await tx.deleteFrom('waves').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('event_keys').where('event_id', '=', eventId).execute();
    const r = await tx.deleteFrom('events').where('id', '=', eventId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}
