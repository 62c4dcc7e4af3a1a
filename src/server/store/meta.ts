// Small key/value settings kept in the database (e.g. the one-time setup token's hash).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Reads a setting, or null. */
export async function getMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Writes a setting (insert or replace). */
export async function setMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Removes a setting. */
export async function deleteMeta(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', key).execute();
}
