// Migrations of issue 12 (after the day: eligibility, certificates, the office's lists). Spread
// into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';

export const afterDayMigrations: Record<string, Migration> = {
  '0017_eligibility': {
    async up(db: Kysely<unknown>) {
      // A wave's certificate rule (JSON, shared/certificates/eligibility.ts); absent: every session.
      await db.schema
        .createTable('eligibility_rules')
        .addColumn('wave_id', 'text', (c) => c.primaryKey().references('waves.id'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // An admin's decision for one participant, either way, with the written reason.
      await db.schema
        .createTable('eligibility_overrides')
        .addColumn('participant_id', 'text', (c) => c.primaryKey().references('participants.id'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('eligible', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'bigint', (c) => c.notNull())
        .execute();
      for (const table of ['eligibility_rules', 'eligibility_overrides']) {
        await db.schema.createIndex(`${table}_event`).on(table).column('event_id').execute();
      }
    },
  },
};
