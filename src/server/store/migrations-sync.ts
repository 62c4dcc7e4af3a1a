// Migrations from the door-sync rework (issue 9). Kept beside migrations.ts, which spreads them
// into its list; append new ones here or there, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

const ms = 'bigint' as const;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export const syncMigrations: Record<string, Migration> = {
  '0005_roster_lock_per_event': {
    async up(db: Kysely<unknown>) {
      // SQLite has one writer at a time and needs no lock. In PostgreSQL the roster-change
      // trigger took one lock for every event; an event's own key (class, hashtext(event id))
      // keeps seq order equal to commit order where a pull needs it — within one event.
      if (!isPostgres(db)) return;
      await sql`create or replace function hadir_roster_change() returns trigger
        language plpgsql as $$
          begin
            perform pg_advisory_xact_lock(1215455598, hashtext(new.event_id));
            if tg_table_name = 'revocations' then
              insert into roster_changes (event_id, participant_id, revoked_version)
                values (new.event_id, new.participant_id, new.ticket_version);
            else
              insert into roster_changes (event_id, participant_id) values (new.event_id, new.id);
            end if;
            return null;
          end $$`.execute(db);
    },
  },
  '0006_scan_rejections': {
    async up(db: Kysely<unknown>) {
      // Pushed scans the server refused (bad shape, another device's, a session outside the
      // device's waves, an undo of another device's scan): kept with the reason for the
      // organizer, once per id and body. `body` is the event as it came (JSON text).
      await db.schema
        .createTable('scan_rejections')
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_rejections_pk', ['scan_id', 'body_hash'])
        .execute();
      await db.schema
        .createIndex('scan_rejections_event')
        .on('scan_rejections')
        .columns(['event_id', 'received_at'])
        .execute();
    },
  },
  '0007_server_minus_device': {
    async up(db: Kysely<unknown>) {
      // One clock-offset convention, named by its sign: server minus device. The old columns
      // held device minus server, so each value changes sign with its name.
      for (const table of ['scan_events', 'scan_conflicts', 'devices']) {
        await db.schema
          .alterTable(table)
          .renameColumn('clock_offset_ms', 'server_minus_device_ms')
          .execute();
        await sql`update ${sql.table(table)} set server_minus_device_ms = -server_minus_device_ms
          where server_minus_device_ms is not null`.execute(db);
      }
    },
  },
};
