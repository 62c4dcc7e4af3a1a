// Migrations of the live-feed slice of issue 10: review marks, tablets' own reports, and the
// event lifecycle (archive). Spread into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';

const ms = 'bigint' as const;

export const feedMigrations: Record<string, Migration> = {
  '0011_review_marks': {
    async up(db: Kysely<unknown>) {
      // "Perlu diperiksa" items an organizer has looked at. Items are derived from scans,
      // conflicts and rejections; `item_key` names one of them (see scans/review-items.ts).
      await db.schema
        .createTable('review_marks')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('review_marks_pk', ['event_id', 'item_key'])
        .execute();
    },
  },
  '0012_device_reports': {
    async up(db: Kysely<unknown>) {
      // The latest self-report of each tablet, sent with its sync requests: what it still holds
      // and how healthy it is. One row per device, replaced on each report.
      await db.schema
        .createTable('device_reports')
        .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('reported_at', ms, (c) => c.notNull())
        .addColumn('unsynced', 'integer', (c) => c.notNull())
        .addColumn('oldest_unsynced_at', ms)
        .addColumn('roster_version', 'text')
        .addColumn('app_version', 'text')
        .addColumn('server_minus_device_ms', ms)
        .addColumn('storage_persisted', 'integer')
        .execute();
      await db.schema
        .createIndex('device_reports_event')
        .on('device_reports')
        .column('event_id')
        .execute();
    },
  },
  '0013_event_lifecycle': {
    async up(db: Kysely<unknown>) {
      // An archived event is read-only and hidden from the list until un-archived.
      await db.schema.alterTable('events').addColumn('archived_at', ms).execute();
    },
  },
  '0015_ticket_sending': {
    async up(db: Kysely<unknown>) {
      // The event's message settings: the organizers' WhatsApp number, the message template and
      // the lines the ticket page shows (JSON array). Null: the defaults.
      for (const column of ['whatsapp_contact', 'message_template', 'ticket_instructions']) {
        await db.schema.alterTable('events').addColumn(column, 'text').execute();
      }
      // Who sent which ticket version, and when. The first mark of a version stands; undo
      // deletes it (and the audit log keeps that it happened).
      await db.schema
        .createTable('ticket_sends')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
        .addColumn('ticket_version', 'integer', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('sent_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_sends_pk', ['participant_id', 'ticket_version'])
        .execute();
      await db.schema
        .createIndex('ticket_sends_event')
        .on('ticket_sends')
        .column('event_id')
        .execute();
    },
  },
};
