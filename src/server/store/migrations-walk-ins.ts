// Migration of the walk-in slice of issue 11: walk-ins confirmed as participants. Spread into
// migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';

export const walkInMigrations: Record<string, Migration> = {
  '0016_walk_in_participants': {
    async up(db: Kysely<unknown>) {
      // One walk-in scan is at most one participant; a participant may have been several
      // walk-ins (registered at two doors, say).
      await db.schema
        .createTable('walk_in_participants')
        .addColumn('scan_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
        .addColumn('linked_by', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('walk_in_participants_event')
        .on('walk_in_participants')
        .column('event_id')
        .execute();
    },
  },
};
