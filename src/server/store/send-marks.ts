// The sending queue's records: each event's message settings, and which ticket version or
// certificate version each participant was sent, by whom and when. Only this file touches
// ticket_sends and certificate_sends.
import type { Kysely, Transaction } from 'kysely';
import type { SendKind, SendMark, SendingSettings } from '../../shared/api/sending.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The stored ticket-page lines (JSON array), or null for the default ones. */
export function instructionLines(json: string | null): string[] | null {
  if (json === null) return null;
  try {
    const lines: unknown = JSON.parse(json);
    return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : null;
  } catch {
    return null;
  }
}

/** The event's message settings; undefined when there is no such event. */
export async function getSendingSettings(
  db: Db,
  eventId: string,
): Promise<SendingSettings | undefined> {
  const row = await db
    .selectFrom('events')
    .select([
      'whatsapp_contact',
      'message_template',
      'certificate_message_template',
      'ticket_instructions',
    ])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    contact: row.whatsapp_contact,
    template: row.message_template,
    certificateTemplate: row.certificate_message_template,
    instructions: instructionLines(row.ticket_instructions),
  };
}

/** Replaces the event's message settings (already normalised; null: the default). */
export async function saveSendingSettings(
  db: Db,
  eventId: string,
  s: SendingSettings,
): Promise<void> {
  await db
    .updateTable('events')
    .set({
      whatsapp_contact: s.contact,
      message_template: s.template,
      certificate_message_template: s.certificateTemplate,
      ticket_instructions: s.instructions === null ? null : JSON.stringify(s.instructions),
      updated_at: Date.now(),
    })
    .where('id', '=', eventId)
    .execute();
}

const byParticipant = (
  rows: { participant_id: string; mark: SendMark }[],
): Map<string, SendMark[]> => {
  const out = new Map<string, SendMark[]>();
  for (const r of rows) out.set(r.participant_id, [...(out.get(r.participant_id) ?? []), r.mark]);
  return out;
};

/**
 * Every mark of one kind for the event's participants (optionally one wave's), newest last, with
 * usernames. Certificate marks carry the version's id: a revoked number's v1 is not a new one's.
 */
export async function listSendMarks(
  db: Db,
  q: { kind: SendKind; eventId: string; waveId?: string },
): Promise<Map<string, SendMark[]>> {
  const when = (at: number | string) => new Date(Number(at)).toISOString();
  if (q.kind === 'sertifikat') {
    let sel = db
      .selectFrom('certificate_sends as s')
      .innerJoin('certificates as c', 'c.id', 's.certificate_id')
      .innerJoin('participants as p', 'p.id', 's.participant_id')
      .leftJoin('organizers as o', 'o.id', 's.sent_by')
      .select(['s.participant_id', 's.certificate_id', 'c.version', 's.sent_at', 's.sent_by'])
      .select('o.username')
      .where('s.event_id', '=', q.eventId)
      .orderBy('s.sent_at');
    // By the participant's wave, as the queue's rows are (tickets do the same).
    if (q.waveId) sel = sel.where('p.wave_id', '=', q.waveId);
    return byParticipant(
      (await sel.execute()).map((r) => ({
        participant_id: r.participant_id,
        mark: {
          version: Number(r.version),
          certificateId: r.certificate_id,
          at: when(r.sent_at),
          by: r.username ?? r.sent_by,
        },
      })),
    );
  }
  let sel = db
    .selectFrom('ticket_sends as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .leftJoin('organizers as o', 'o.id', 's.sent_by')
    .select(['s.participant_id', 's.ticket_version', 's.sent_at', 's.sent_by', 'o.username'])
    .where('s.event_id', '=', q.eventId)
    .orderBy('s.sent_at');
  if (q.waveId) sel = sel.where('p.wave_id', '=', q.waveId);
  return byParticipant(
    (await sel.execute()).map((r) => ({
      participant_id: r.participant_id,
      mark: { version: Number(r.ticket_version), at: when(r.sent_at), by: r.username ?? r.sent_by },
    })),
  );
}

/** What one mark is of: a ticket version, or a certificate version (by its id). */
export type SendTarget =
  { kind: 'tiket'; version: number } | { kind: 'sertifikat'; certificateId: string };

/** Marks a ticket or certificate version sent; a version already marked keeps its first mark. */
export async function markSent(
  db: Db,
  mark: { eventId: string; participantId: string; target: SendTarget; by: string; now: number },
): Promise<boolean> {
  const base = {
    event_id: mark.eventId,
    participant_id: mark.participantId,
    sent_by: mark.by,
    sent_at: mark.now,
  };
  const t = mark.target;
  const r =
    t.kind === 'sertifikat'
      ? await db
          .insertInto('certificate_sends')
          .values({ ...base, certificate_id: t.certificateId })
          .onConflict((oc) => oc.column('certificate_id').doNothing())
          .executeTakeFirst()
      : await db
          .insertInto('ticket_sends')
          .values({ ...base, ticket_version: t.version })
          .onConflict((oc) => oc.columns(['participant_id', 'ticket_version']).doNothing())
          .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes the mark of one ticket or certificate version; false when there was none. */
export async function unmarkSent(
  db: Db,
  mark: { eventId: string; participantId: string; target: SendTarget },
): Promise<boolean> {
  const t = mark.target;
  const r =
    t.kind === 'sertifikat'
      ? await db
          .deleteFrom('certificate_sends')
          .where('event_id', '=', mark.eventId)
          .where('participant_id', '=', mark.participantId)
          .where('certificate_id', '=', t.certificateId)
          .executeTakeFirst()
      : await db
          .deleteFrom('ticket_sends')
          .where('event_id', '=', mark.eventId)
          .where('participant_id', '=', mark.participantId)
          .where('ticket_version', '=', t.version)
          .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
