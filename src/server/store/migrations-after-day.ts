// Migrations of issue 12 (after the day: eligibility, certificates, the office's lists). Spread
// into migrations.ts; append, never edit one that has run.
import type { Kysely, Migration } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

const ms = 'bigint' as const;

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
  '0018_certificates': {
    async up(db: Kysely<unknown>) {
      const pg = db.getExecutor().adapter instanceof PostgresAdapter;
      // The event's certificate template (JSON, server/certificates/template.ts); absent: defaults.
      await db.schema
        .createTable('certificate_templates')
        .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id'))
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      // Signature images and logo copies, by content hash: never replaced in place, so an issued
      // certificate's snapshot keeps pointing at the images it was printed with.
      await db.schema
        .createTable('certificate_images')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('certificate_images_pk', ['event_id', 'etag'])
        .execute();
      // The next certificate sequence number per event; incremented inside the issuing
      // transaction, so its row lock serialises issuing across server processes.
      await db.schema
        .createTable('certificate_counters')
        .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id'))
        .addColumn('next', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
        .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('issued_at', ms, (c) => c.notNull())
        .addColumn('issued_by', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revoked_at', ms)
        .addColumn('revoked_by', 'text')
        .addColumn('revoke_reason', 'text')
        .execute();
      // A number is one person's (all its versions); listing an event reads this index too.
      await db.schema
        .createIndex('certificates_number')
        .unique()
        .on('certificates')
        .columns(['event_id', 'number', 'version'])
        .execute();
      // At most one valid certificate per participant, whatever races.
      await db.schema
        .createIndex('certificates_valid')
        .unique()
        .on('certificates')
        .column('participant_id')
        .where(sql.ref('status'), '=', 'valid')
        .execute();
    },
  },
  '0020_certificate_sending': {
    async up(db: Kysely<unknown>) {
      // The event's WhatsApp message for certificate links; null: the default
      // (shared/sending/template.ts DEFAULT_CERTIFICATE_TEMPLATE).
      await db.schema
        .alterTable('events')
        .addColumn('certificate_message_template', 'text')
        .execute();
      // Who sent which certificate version's link, and when (as ticket_sends for tickets). A
      // version is one row of certificates, so its id is the key; undo deletes the row.
      await db.schema
        .createTable('certificate_sends')
        .addColumn('certificate_id', 'text', (c) => c.primaryKey().references('certificates.id'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('sent_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('certificate_sends_event')
        .on('certificate_sends')
        .column('event_id')
        .execute();
    },
  },
  '0022_list_signers': {
    async up(db: Kysely<unknown>) {
      // The office lists' letterhead and signers (JSON, shared/api/office-lists.ts ListSigners),
      // typed once by any staff member and printed by the whole team; null: the defaults.
      await db.schema.alterTable('events').addColumn('list_signers', 'text').execute();
    },
  },
};
