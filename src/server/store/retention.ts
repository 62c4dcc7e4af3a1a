// Erasing an event's personal data once its retention day has come (UU 27/2022), or when an
// admin asks. NIK, phone and e-mail go for everyone; names (and business names) stay only for
// participants who were issued a certificate, so the certificate and its public verify page
// still name the holder. Counts stay: no participant row and no scan is deleted, so attendance,
// the recap and certificates fold exactly as before. Walk-ins carry what the door typed inside
// the stored scan bodies: there the phone is cut to its last four digits (what other doors'
// tablets already hold, see routes/sync.ts) and the name replaced unless the walk-in became a
// certificate holder. Audit lines about a participant lose the name on the same terms. Every step rewrites to a fixed point, so erasing twice changes nothing.
import type { Kysely, Transaction } from 'kysely';
import { ERASED_NAME, dueAt } from '../../shared/api/retention.js';
import { redactCanonical, redactLoose } from '../retention/redact.js';
import { eraseAuditNames } from './audit-log.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The event's retention row; undefined for an unknown event. */
export async function retentionOf(db: Db, eventId: string) {
  return db
    .selectFrom('events as e')
    .leftJoin('organizers as o', 'o.id', 'e.personal_data_erased_by')
    .select([
      'e.name',
      'e.retain_until',
      'e.personal_data_erased_at',
      'o.username as erased_by_name',
    ])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
}

/** Sets (or clears, with null) the retention day; false for an unknown event. */
export async function setRetainUntil(db: Db, eventId: string, day: string | null) {
  const r = await db
    .updateTable('events')
    .set({ retain_until: day })
    .where('id', '=', eventId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Events whose retention day has begun (WIB) and whose data was not erased since it was set. */
export async function eventsDueForErasure(db: Db, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'retain_until', 'personal_data_erased_at'])
    .where('retain_until', 'is not', null)
    .execute();
  return rows
    .filter((r) => {
      const due = dueAt(r.retain_until!);
      return due <= now && (r.personal_data_erased_at === null || r.personal_data_erased_at < due);
    })
    .map((r) => r.id);
}

/** Who keeps a name: participants with a certificate (any status), and walk-ins linked to one. */
async function nameKeepers(tx: Db, eventId: string) {
  const holders = new Set(
    (
      await tx
        .selectFrom('certificates')
        .select('participant_id')
        .distinct()
        .where('event_id', '=', eventId)
        .execute()
    ).map((r) => r.participant_id),
  );
  const linked = await tx
    .selectFrom('walk_in_participants')
    .select(['scan_id', 'participant_id'])
    .where('event_id', '=', eventId)
    .execute();
  const scans = new Set(linked.filter((l) => holders.has(l.participant_id)).map((l) => l.scan_id));
  return { holders, scans };
}

/** Erases the participants' NIK, phone, e-mail and names not needed; the count whose row changed. */
async function eraseParticipants(tx: Db, eventId: string, holders: Set<string>, now: number) {
  const rows = await tx
    .selectFrom('participants')
    .select(['id', 'name', 'business', 'phone', 'email', 'nik'])
    .where('event_id', '=', eventId)
    .execute();
  let changed = 0;
  for (const p of rows) {
    const keep = holders.has(p.id);
    const contact = p.phone !== '' || p.email !== null || p.nik !== null;
    const named = !keep && (p.name !== ERASED_NAME || p.business !== '');
    if (!contact && !named) continue;
    changed += 1;
    await tx
      .updateTable('participants')
      .set({
        phone: '',
        email: null,
        nik: null,
        ...(keep ? {} : { name: ERASED_NAME, business: '' }),
        updated_at: now,
      })
      .where('id', '=', p.id)
      .execute();
  }
  return changed;
}

/** Redacts walk-ins inside stored scan bodies, conflicting copies and refused pushes. */
async function eraseWalkIns(tx: Db, eventId: string, keepScans: Set<string>) {
  const stored = await tx
    .selectFrom('scan_events')
    .select(['id', 'body'])
    .where('event_id', '=', eventId)
    // A walk-in is an array of strings inside the body (so are flags: the few such rows are
    // parsed and left alone). Any kind may carry one, whatever the door app sends.
    .where('body', 'like', '%,["%')
    .execute();
  const conflicts = await tx
    .selectFrom('scan_conflicts')
    .select(['scan_id as id', 'body_hash', 'body'])
    .where('event_id', '=', eventId)
    .execute();
  for (const row of stored) {
    const body = redactCanonical(row.body, keepScans.has(row.id));
    if (body !== row.body)
      await tx.updateTable('scan_events').set({ body }).where('id', '=', row.id).execute();
  }
  for (const row of conflicts) {
    const body = redactCanonical(row.body, keepScans.has(row.id));
    if (body !== row.body)
      await tx
        .updateTable('scan_conflicts')
        .set({ body })
        .where('scan_id', '=', row.id)
        .where('body_hash', '=', row.body_hash)
        .execute();
  }
  // Refused pushes are kept as they came (any JSON): only a readable walk-in is rewritten.
  const refused = await tx
    .selectFrom('scan_rejections')
    .select(['scan_id', 'body_hash', 'body'])
    .where('event_id', '=', eventId)
    .where('body', 'like', '%walkIn%')
    .execute();
  for (const row of refused) {
    const body = redactLoose(row.body, keepScans.has(row.scan_id));
    if (body !== row.body)
      await tx
        .updateTable('scan_rejections')
        .set({ body })
        .where('scan_id', '=', row.scan_id)
        .where('body_hash', '=', row.body_hash)
        .execute();
  }
}

/**
 * Erases the event's personal data (see the top of this file), drops its import drafts (they
 * hold the uploaded rows, rejected ones included) and stamps the event; one transaction.
 * Returns the number of participants whose row changed.
 */
export async function erasePersonalData(
  db: Kysely<Database>,
  opts: { eventId: string; actorId: string | null; now: number },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const keepers = await nameKeepers(tx, opts.eventId);
    const changed = await eraseParticipants(tx, opts.eventId, keepers.holders, opts.now);
    await eraseWalkIns(tx, opts.eventId, keepers.scans);
    await eraseAuditNames(tx, opts.eventId, keepers.holders);
    await tx.deleteFrom('import_drafts').where('event_id', '=', opts.eventId).execute();
    await tx
      .updateTable('events')
      .set({ personal_data_erased_at: opts.now, personal_data_erased_by: opts.actorId })
      .where('id', '=', opts.eventId)
      .execute();
    return changed;
  });
}
