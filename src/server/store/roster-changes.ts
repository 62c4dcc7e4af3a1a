// Roster changes for doors: the log that triggers on participants and revocations append to
// (migration 0004), read after a cursor. A pull cursor is "<scan seq>.<roster seq>".
import type { Kysely, Transaction } from 'kysely';
import type { DoorParticipant, DoorRevocation } from '../../shared/api/door.js';
import type { DeviceAuth } from './devices.js';
import { doorRosterEntries } from './devices.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The highest roster change seq of an event (0 when none): where a fresh door starts. */
export async function maxRosterSeq(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('roster_changes')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/**
 * What changed after `after`: the current entries (door fields only) of changed participants in
 * the device's waves, and the event's new revocations, with the cursor to use next.
 */
export async function rosterChangesSince(
  db: Db,
  device: DeviceAuth,
  after: number,
): Promise<{ participants: DoorParticipant[]; revocations: DoorRevocation[]; cursor: number }> {
  const top = await maxRosterSeq(db, device.eventId);
  if (top <= after) return { participants: [], revocations: [], cursor: Math.max(top, after) };
  const rows = await db
    .selectFrom('roster_changes')
    .select(['participant_id', 'revoked_version'])
    .where('event_id', '=', device.eventId)
    .where('seq', '>', after)
    .where('seq', '<=', top)
    .orderBy('seq')
    .execute();
  const changed = [...new Set(rows.map((r) => r.participant_id))];
  const revocations = rows
    .filter((r) => r.revoked_version !== null)
    .map((r) => ({ participantId: r.participant_id, ticketVersion: Number(r.revoked_version) }));
  const participants: DoorParticipant[] = [];
  // Chunks keep the IN list well inside SQLite's bound-parameter limit.
  for (let i = 0; i < changed.length; i += 500) {
    participants.push(
      ...(await doorRosterEntries(db, {
        eventId: device.eventId,
        waveIds: device.waveIds,
        ids: changed.slice(i, i + 500),
      })),
    );
  }
  return { participants, revocations, cursor: top };
}
