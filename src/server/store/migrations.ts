// Schema migrations, in code, for SQLite and PostgreSQL alike. Append new ones; never edit old ones.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';
import { badgeMigrations } from './migrations-badges.js';
import { feedMigrations } from './migrations-feed.js';
import { syncMigrations } from './migrations-sync.js';
import { teamMigrations } from './migrations-team.js';
import { walkInMigrations } from './migrations-walk-ins.js';
import { afterDayMigrations } from './migrations-after-day.js';
import { hardeningMigrations } from './migrations-hardening.js';

const ms = 'bigint' as const;

// A server-assigned, ever-increasing sequence as the primary key (AUTOINCREMENT never reuses one).
const serialKey = (db: Kysely<unknown>) =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`bigserial primary key`
    : sql`integer primary key autoincrement`;

const migrations: Record<string, Migration> = {
  '0001_foundation': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organizers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organizer_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('organizer_id', 'text', (c) => c.notNull().references('organizers.id'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('expires_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('event_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('waves')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('venue', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('map_url', 'text')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('waves_event').on('waves').column('event_id').execute();
      await db.schema
        .createTable('wave_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('wave_sessions_wave')
        .on('wave_sessions')
        .column('wave_id')
        .execute();
      await db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('business', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('nik', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ticket_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('participants_event_phone', ['event_id', 'phone'])
        .execute();
      await db.schema
        .createIndex('participants_event_nik')
        .on('participants')
        .columns(['event_id', 'nik'])
        .execute();
      await db.schema
        .createIndex('participants_wave')
        .on('participants')
        .columns(['wave_id', 'name'])
        .execute();
      await db.schema
        .createTable('revocations')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('ticket_version', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('revocations_pk', ['participant_id', 'ticket_version'])
        .execute();
      await db.schema
        .createIndex('revocations_event')
        .on('revocations')
        .column('event_id')
        .execute();
      await db.schema
        .createTable('import_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('default_wave_id', 'text', (c) => c.notNull())
        .addColumn('csv', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
    },
  },
  '0002_devices': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('door', 'text', (c) => c.notNull())
        .addColumn('wave_ids', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('last_seen_at', ms)
        .addColumn('revoked_at', ms)
        .execute();
      await db.schema.createIndex('devices_event').on('devices').column('event_id').execute();
      await db.schema
        .createTable('pairing_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('door', 'text', (c) => c.notNull())
        .addColumn('wave_ids', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('organizers.id'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('expires_at', ms, (c) => c.notNull())
        .addColumn('used_at', ms)
        .addColumn('device_id', 'text')
        .execute();
      await db.schema
        .createIndex('pairing_codes_expires')
        .on('pairing_codes')
        .column('expires_at')
        .execute();
    },
  },
  '0003_scan_events': {
    async up(db: Kysely<unknown>) {
      // Append-only. `body` is the canonical event text (how a second copy is compared);
      // the other columns are what queries filter on.
      await db.schema
        .createTable('scan_events')
        .addColumn('seq', serialKey(db))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text')
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('device_time', ms, (c) => c.notNull())
        .addColumn('received_at', ms, (c) => c.notNull())
        .addColumn('clock_offset_ms', ms)
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('scan_events_event_seq')
        .on('scan_events')
        .columns(['event_id', 'seq'])
        .execute();
      // A second copy of an id with a different body: kept for the organizer, once per body.
      await db.schema
        .createTable('scan_conflicts')
        .addColumn('scan_id', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', ms, (c) => c.notNull())
        .addColumn('clock_offset_ms', ms)
        .addPrimaryKeyConstraint('scan_conflicts_pk', ['scan_id', 'body_hash'])
        .execute();
      await db.schema
        .createIndex('scan_conflicts_event')
        .on('scan_conflicts')
        .column('event_id')
        .execute();
      await db.schema.alterTable('devices').addColumn('clock_offset_ms', ms).execute();
      await db.schema.alterTable('devices').addColumn('clock_checked_at', ms).execute();
    },
  },
  '0004_roster_changes': {
    async up(db: Kysely<unknown>) {
      // Every participant write and revocation appends a row (by trigger, so no code path can
      // forget); a door's pull asks for the rows after its cursor.
      const pg = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable('roster_changes')
        .addColumn('seq', serialKey(db))
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull())
        .addColumn('revoked_version', 'integer')
        .execute();
      await db.schema
        .createIndex('roster_changes_event_seq')
        .on('roster_changes')
        .columns(['event_id', 'seq'])
        .execute();
      if (pg) {
        // The advisory lock makes seq order commit order (see store/scans.ts).
        await sql`create function hadir_roster_change() returns trigger language plpgsql as $$
          begin
            perform pg_advisory_xact_lock(1215455598);
            if tg_table_name = 'revocations' then
              insert into roster_changes (event_id, participant_id, revoked_version)
                values (new.event_id, new.participant_id, new.ticket_version);
            else
              insert into roster_changes (event_id, participant_id) values (new.event_id, new.id);
            end if;
            return null;
          end $$`.execute(db);
        for (const [table, when] of [
          ['participants', 'insert or update'],
          ['revocations', 'insert'],
        ] as const) {
          await sql`create trigger ${sql.raw(`${table}_roster_change`)} after ${sql.raw(when)}
            on ${sql.table(table)} for each row execute function hadir_roster_change()`.execute(db);
        }
        return;
      }
      for (const when of ['insert', 'update'] as const) {
        await sql`create trigger ${sql.raw(`participants_roster_${when}`)} after ${sql.raw(when)}
          on participants begin
            insert into roster_changes (event_id, participant_id) values (new.event_id, new.id);
          end`.execute(db);
      }
      await sql`create trigger revocations_roster_insert after insert on revocations begin
          insert into roster_changes (event_id, participant_id, revoked_version)
            values (new.event_id, new.participant_id, new.ticket_version);
        end`.execute(db);
    },
  },
  ...syncMigrations,
  ...teamMigrations,
  ...feedMigrations,
  ...walkInMigrations,
  ...afterDayMigrations,
  ...badgeMigrations,
  ...hardeningMigrations,
};

/** Supplies the migrations above to Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
