// Schema migrations, in code, for SQLite and PostgreSQL alike. Append new ones; never edit old ones.
import type { Kysely, Migration, MigrationProvider } from 'kysely';

const ms = 'bigint' as const;

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
};

/** Supplies the migrations above to Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
