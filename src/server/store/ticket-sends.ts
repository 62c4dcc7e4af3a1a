// The sending queue's records: each event's message settings, and which ticket version each
// participant was sent, by whom and when. Only this file touches ticket_sends.
import type { Kysely, Transaction } from 'kysely';
import type { SendMark, SendingSettings } from '../../shared/api/sending.js';
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
    .select(['whatsapp_contact', 'message_template', 'ticket_instructions'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    contact: row.whatsapp_contact,
    template: row.message_template,
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
      ticket_instructions: s.instructions === null ? null : JSON.stringify(s.instructions),
      updated_at: Date.now(),
    })
    .where('id', '=', eventId)
    .execute();
}

/** Every mark of the event's participants (optionally one wave's), newest last, with usernames. */
export async function listSendMarks(
  db: Db,
  eventId: string,
  waveId?: string,
): Promise<Map<string, SendMark[]>> {
  let q = db
    .selectFrom('ticket_sends as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .leftJoin('organizers as o', 'o.id', 's.sent_by')
    .select(['s.participant_id', 's.ticket_version', 's.sent_at', 's.sent_by', 'o.username'])
    .where('s.event_id', '=', eventId)
    .orderBy('s.sent_at');
  if (waveId) q = q.where('p.wave_id', '=', waveId);
  const out = new Map<string, SendMark[]>();
  for (const r of await q.execute()) {
    const marks = out.get(r.participant_id) ?? [];
    marks.push({
      version: Number(r.ticket_version),
      at: new Date(Number(r.sent_at)).toISOString(),
      by: r.username ?? r.sent_by,
    });
    out.set(r.participant_id, marks);
  }
  return out;
}

/** Marks a ticket version sent; a version already marked keeps its first mark. */
export async function markSent(
  db: Db,
  mark: { eventId: string; participantId: string; version: number; by: string; now: number },
): Promise<boolean> {
  const r = await db
    .insertInto('ticket_sends')
    .values({
      event_id: mark.eventId,
      participant_id: mark.participantId,
      ticket_version: mark.version,
      sent_by: mark.by,
      sent_at: mark.now,
    })
    .onConflict((oc) => oc.columns(['participant_id', 'ticket_version']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes the mark of one ticket version; false when there was none. */
export async function unmarkSent(
  db: Db,
  mark: { eventId: string; participantId: string; version: number },
): Promise<boolean> {
  const r = await db
    .deleteFrom('ticket_sends')
    .where('event_id', '=', mark.eventId)
    .where('participant_id', '=', mark.participantId)
    .where('ticket_version', '=', mark.version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
