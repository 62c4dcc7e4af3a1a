// Organizer accounts and their sign-in sessions.
import type { Kysely } from 'kysely';
import type { Database, OrganizerTable } from './schema.js';

/** How many organizer accounts exist (0 means first-run setup is still open). */
export async function countOrganizers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('organizers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds an organizer account. */
export async function insertOrganizer(db: Kysely<Database>, row: OrganizerTable): Promise<void> {
  await db.insertInto('organizers').values(row).execute();
}

/** Finds an organizer by username (case-insensitive). */
export async function findOrganizerByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('organizers')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** Records a sign-in session by the hash of its cookie token. */
export async function insertOrganizerSession(
  db: Kysely<Database>,
  row: { token_hash: string; organizer_id: string; created_at: number; expires_at: number },
): Promise<void> {
  await db.insertInto('organizer_sessions').values(row).execute();
}

let sessionLookups = 0;

/** How many session look-ups this process has made (tests prove one per organizer request). */
export function sessionLookupCount(): number {
  return sessionLookups;
}

/** The organizer behind a live session, or undefined. */
export async function findSessionOrganizer(db: Kysely<Database>, tokenHash: string, now: number) {
  sessionLookups++;
  return db
    .selectFrom('organizer_sessions as s')
    .innerJoin('organizers as o', 'o.id', 's.organizer_id')
    .select(['o.id', 'o.username', 'o.role'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('o.removed_at', 'is', null)
    .executeTakeFirst();
}

/** Ends a session. */
export async function deleteOrganizerSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('organizer_sessions').where('token_hash', '=', tokenHash).execute();
}
