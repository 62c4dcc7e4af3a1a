// Migrations of the team slice (issue 10): roles, invitations and the audit log. Spread into
// migrations.ts; append new ones here, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

const ms = 'bigint' as const;

const serialKey = (db: Kysely<unknown>) =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`bigserial primary key`
    : sql`integer primary key autoincrement`;

export const teamMigrations: Record<string, Migration> = {
  '0008_team': {
    async up(db: Kysely<unknown>) {
      // Accounts made before roles existed were the office's one shared account: admin.
      await db.schema
        .alterTable('organizers')
        .addColumn('role', 'text', (c) => c.notNull().defaultTo('admin'))
        .execute();
      // Removed members stay as rows so the audit log keeps their name; they cannot sign in.
      await db.schema.alterTable('organizers').addColumn('removed_at', ms).execute();
      await db.schema
        .createIndex('organizer_sessions_organizer')
        .on('organizer_sessions')
        .column('organizer_id')
        .execute();
      await db.schema
        .createTable('organizer_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('organizers.id'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('expires_at', ms, (c) => c.notNull())
        .addColumn('used_at', ms)
        .addColumn('used_by', 'text', (c) => c.references('organizers.id'))
        .addColumn('cancelled_at', ms)
        .execute();
    },
  },
  '0009_audit_log': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', serialKey(db))
        .addColumn('at', ms, (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.references('organizers.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        // No foreign key: the trail of an event outlives the event if it is ever deleted.
        .addColumn('event_id', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
