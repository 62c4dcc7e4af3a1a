// Certificate templates and their images (signatures, logo copies). Images are stored by content
// hash and never replaced, so an issued certificate keeps the images it was printed with.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { StoredTemplate } from '../certificates/template.js';
import { parseStoredTemplate } from '../certificates/template.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The event's template, or the default when none was saved. */
export async function getStoredTemplate(db: Db, eventId: string): Promise<StoredTemplate> {
  const row = await db
    .selectFrom('certificate_templates')
    .select('template')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return parseStoredTemplate(row?.template);
}

/** Saves (or replaces) the event's template. */
export async function saveStoredTemplate(
  db: Db,
  input: { eventId: string; template: StoredTemplate; organizerId: string },
  now = Date.now(),
): Promise<void> {
  const values = {
    template: JSON.stringify(input.template),
    updated_by: input.organizerId,
    updated_at: now,
  };
  await db
    .insertInto('certificate_templates')
    .values({ event_id: input.eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}

/** Keeps an image (idempotent: the same bytes have the same hash); returns its hash. */
export async function putCertificateImage(
  db: Db,
  eventId: string,
  image: { type: string; bytes: Uint8Array },
  now = Date.now(),
): Promise<string> {
  const etag = createHash('sha256').update(image.bytes).digest('hex').slice(0, 20);
  await db
    .insertInto('certificate_images')
    .values({
      event_id: eventId,
      etag,
      content_type: image.type,
      bytes: Buffer.from(image.bytes),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['event_id', 'etag']).doNothing())
    .execute();
  return etag;
}

/** One stored image; undefined when unknown. */
export async function getCertificateImage(db: Db, eventId: string, etag: string) {
  return db
    .selectFrom('certificate_images')
    .select(['content_type', 'bytes'])
    .where('event_id', '=', eventId)
    .where('etag', '=', etag)
    .executeTakeFirst();
}
