// Migrations from the door-sync rework (issue 9). Kept beside migrations.ts, which spreads them
// into its list; append new ones here or there, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

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
};
