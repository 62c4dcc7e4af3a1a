// Migrations of issue 13 (hardening). Spread into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';

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
    },
  },
};
