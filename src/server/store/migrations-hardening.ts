// Migrations of issue 13 (hardening). Spread into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

export const hardeningMigrations: Record<string, Migration> = {
  '0019_rate_limits': {
    async up(db: Kysely<unknown>) {
      // Tries per key (e.g. a username at an address) in a fixed window, shared by every server
      // process; see store/rate-limits.ts.
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('tries', 'integer', (c) => c.notNull())
        .addColumn('resets_at', 'bigint', (c) => c.notNull())
        .execute();
      // Expired rows are swept by resets_at.
      await db.schema
        .createIndex('rate_limits_resets_at')
        .on('rate_limits')
        .column('resets_at')
        .execute();
    },
  },
  '0021_retention': {
    async up(db: Kysely<unknown>) {
      // Per event: the day (YYYY-MM-DD, WIB) its participants' personal data is erased, and
      // when and by whom it was (null by: the server's own schedule). See store/retention.ts.
      await db.schema.alterTable('events').addColumn('retain_until', 'text').execute();
      await db.schema.alterTable('events').addColumn('personal_data_erased_at', 'bigint').execute();
      await db.schema.alterTable('events').addColumn('personal_data_erased_by', 'text').execute();
      // An erased participant's phone is '' (store/retention.ts): one phone per event still
      // holds, but only for phones that are there.
      if (await isSqlite(db)) await rebuildParticipantsWithoutPhoneConstraint(db);
      else await sql`alter table participants drop constraint participants_event_phone`.execute(db);
      await sql`create unique index participants_event_phone on participants (event_id, phone)
        where phone <> ''`.execute(db);
    },
  },
};

// Asked with a PostgreSQL function: a failed statement would abort PostgreSQL's migration
// transaction, while SQLite runs migrations outside one.
async function isSqlite(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select pg_backend_pid()`.execute(db);
    return false;
  } catch {
    return true;
  }
}

/**
 * SQLite cannot drop a table's UNIQUE constraint: the table is rebuilt (https://sqlite.org/lang_altertable.html#otheralter,
 * the 12 steps) with its indexes and triggers, foreign keys off and checked before commit.
 * Kysely runs SQLite migrations outside a transaction, so this one opens its own.
 */
async function rebuildParticipantsWithoutPhoneConstraint(db: Kysely<unknown>): Promise<void> {
  const schema = await sql<{ type: string; name: string; sql: string }>`
    select type, name, sql from sqlite_master where tbl_name = 'participants' and sql is not null`.execute(
    db,
  );
  const table = schema.rows.find((r) => r.type === 'table')!.sql;
  const without = table
    .replace(/,\s*constraint\s+"?participants_event_phone"?\s+unique\s*\([^)]*\)/i, '')
    .replace(/^create table\s+"?participants"?/i, 'create table "participants_new"');
  if (without === table || /participants_event_phone/.test(without)) {
    throw new Error(`0021_retention: unexpected participants table: ${table}`);
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      await sql.raw(without).execute(db);
      await sql`insert into participants_new select * from participants`.execute(db);
      await sql`drop table participants`.execute(db);
      await sql`alter table participants_new rename to participants`.execute(db);
      for (const r of schema.rows) if (r.type !== 'table') await sql.raw(r.sql).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('0021_retention: foreign keys broken');
      await sql`commit`.execute(db);
    } catch (err) {
      await sql`rollback`.execute(db);
      throw err;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
