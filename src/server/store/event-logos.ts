// The event logos table: one PNG or JPEG per event, with a content hash as its version.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { LogoType } from '../../shared/badges/logo.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The stored logo, bytes and all; undefined when the event has none. */
export async function getEventLogo(db: Db, eventId: string) {
  return db
    .selectFrom('event_logos')
    .select(['content_type', 'bytes', 'etag', 'updated_at'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

/** Only the logo's version (its ETag), for links to it; undefined when the event has none. */
export async function eventLogoVersion(db: Db, eventId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('event_logos')
    .select('etag')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.etag;
}

/** Stores (or replaces) the event's logo; returns its new version. */
export async function putEventLogo(
  db: Db,
  eventId: string,
  logo: { type: LogoType; bytes: Uint8Array },
  now = Date.now(),
): Promise<string> {
  const etag = createHash('sha256').update(logo.bytes).digest('hex').slice(0, 20);
  const values = {
    content_type: logo.type,
    bytes: Buffer.from(logo.bytes),
    etag,
    updated_at: now,
  };
  await db
    .insertInto('event_logos')
    .values({ event_id: eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
  return etag;
}

/** Removes the event's logo; false when it had none. */
export async function deleteEventLogo(db: Db, eventId: string): Promise<boolean> {
  const r = await db.deleteFrom('event_logos').where('event_id', '=', eventId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
