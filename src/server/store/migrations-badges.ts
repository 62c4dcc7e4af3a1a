// Migrations of the badges slice of issue 11: the event's optional logo, printed on each badge.
// Spread into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { PostgresAdapter } from 'kysely';

const ms = 'bigint' as const;

export const badgeMigrations: Record<string, Migration> = {
  '0014_event_logo': {
    async up(db: Kysely<unknown>) {
      // The image itself lives in the database so both stores (and every server process) serve
      // it without a shared folder; at most one per event, at most 512 KB (checked on upload).
      const pg = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('event_logos')
        .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id'))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
    },
  },
};
