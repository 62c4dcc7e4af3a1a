// Issued certificates: immutable records (one row per version), a per-event counter whose row
// lock serialises numbering across server processes, revocation and superseding.
import type { Kysely, Transaction } from 'kysely';
import type { CertificateRecord } from '../../shared/api/certificates.js';
import { certificatePath, verifyPath } from '../../shared/certificate/token.js';
import type { CertificateTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CertificateRow = CertificateTable & {
  issued_by_name: string | null;
  revoked_by_name: string | null;
};

const withNames = (db: Db) =>
  db
    .selectFrom('certificates as c')
    .leftJoin('organizers as i', 'i.id', 'c.issued_by')
    .leftJoin('organizers as r', 'r.id', 'c.revoked_by')
    .selectAll('c')
    .select(['i.username as issued_by_name', 'r.username as revoked_by_name']);

/** The API's record of a row, links on `origin`. */
export function certificateRecord(row: CertificateRow, origin: string): CertificateRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    participantId: row.participant_id,
    waveId: row.wave_id,
    number: row.number,
    version: Number(row.version),
    issuedAt: new Date(Number(row.issued_at)).toISOString(),
    issuedBy: row.issued_by_name ?? row.issued_by,
    status: row.status,
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)).toISOString(),
    revokedBy: row.revoked_by === null ? null : (row.revoked_by_name ?? row.revoked_by),
    revokeReason: row.revoke_reason,
    token: row.token,
    certificateLink: `${origin}${certificatePath(row.token)}`,
    verifyLink: `${origin}${verifyPath(row.token)}`,
  };
}

/** One version by id; undefined when unknown. */
export async function getCertificate(db: Db, id: string): Promise<CertificateRow | undefined> {
  return withNames(db).where('c.id', '=', id).executeTakeFirst();
}

/** Versions by id (rows just written, read back with names). */
export async function certificatesByIds(db: Db, ids: string[]): Promise<CertificateRow[]> {
  const out: CertificateRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await withNames(db)
        .where('c.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** Every version in the event (or one wave): by number, newest version first. */
export async function listCertificates(
  db: Db,
  eventId: string,
  waveId?: string,
): Promise<CertificateRow[]> {
  let q = withNames(db).where('c.event_id', '=', eventId);
  if (waveId !== undefined) q = q.where('c.wave_id', '=', waveId);
  return q.orderBy('c.seq').orderBy('c.version', 'desc').execute();
}

/** The valid certificate of each of these participants that has one. */
export async function validCertificates(
  db: Db,
  participantIds: string[],
): Promise<Map<string, CertificateRow>> {
  const out = new Map<string, CertificateRow>();
  for (let i = 0; i < participantIds.length; i += 500) {
    const rows = await withNames(db)
      .where('c.participant_id', 'in', participantIds.slice(i, i + 500))
      .where('c.status', '=', 'valid')
      .execute();
    for (const r of rows) out.set(r.participant_id, r);
  }
  return out;
}

/** The newest version of a certificate number. */
export async function newestVersion(db: Db, eventId: string, number: string): Promise<number> {
  const row = await db
    .selectFrom('certificates')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('event_id', '=', eventId)
    .where('number', '=', number)
    .executeTakeFirst();
  return Number(row?.v ?? 1);
}

/**
 * Takes the event's counter row for this transaction (PostgreSQL holds its row lock until
 * commit; SQLite runs one write transaction at a time) and returns the next sequence number.
 */
export async function lockCounter(tx: Transaction<Database>, eventId: string): Promise<number> {
  await tx
    .insertInto('certificate_counters')
    .values({ event_id: eventId, next: 1 })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute();
  const row = await tx
    .updateTable('certificate_counters')
    .set((eb) => ({ next: eb.ref('next') }))
    .where('event_id', '=', eventId)
    .returning('next')
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

/** Moves the locked counter on by `count`; returns the first of the numbers taken. */
export async function takeNumbers(
  tx: Transaction<Database>,
  eventId: string,
  count: number,
): Promise<number> {
  const row = await tx
    .updateTable('certificate_counters')
    .set((eb) => ({ next: eb('next', '+', count) }))
    .where('event_id', '=', eventId)
    .returning('next')
    .executeTakeFirstOrThrow();
  return Number(row.next) - count;
}

/** Writes new certificate versions. */
export async function insertCertificates(db: Db, rows: CertificateTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('certificates')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** Marks a valid version revoked or superseded; false when it was not valid (any more). */
export async function endCertificate(
  db: Db,
  id: string,
  end: { status: 'revoked'; at: number; by: string; reason: string } | { status: 'superseded' },
): Promise<boolean> {
  const r = await db
    .updateTable('certificates')
    .set(
      end.status === 'revoked'
        ? { status: 'revoked', revoked_at: end.at, revoked_by: end.by, revoke_reason: end.reason }
        : { status: 'superseded' },
    )
    .where('id', '=', id)
    .where('status', '=', 'valid')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
