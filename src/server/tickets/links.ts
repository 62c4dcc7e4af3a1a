// Ticket tokens and the links that carry them: the ticket page (token in the fragment) and a
// WhatsApp click-to-chat with the event's message (shared/sending/template.ts).
import type { Kysely } from 'kysely';
import type { TicketLinks } from '../../shared/api/schemas.js';
import { whatsAppLink } from '../../shared/roster/whatsapp.js';
import { DEFAULT_TEMPLATE, renderMessage } from '../../shared/sending/template.js';
import type { EventSigningKey } from '../../shared/ticket/crypto.js';
import { signTicket } from '../../shared/ticket/crypto.js';
import { getSigningKey } from '../store/events.js';
import type { Database, ParticipantTable } from '../store/schema.js';

/** Signs the participant's current ticket. */
export async function ticketToken(key: EventSigningKey, p: ParticipantTable): Promise<string> {
  return signTicket(
    { kid: key.kid, participantId: p.id, waveId: p.wave_id, version: p.ticket_version },
    key,
  );
}

/** Builds a TicketLinks for many participants of one event, signing each ticket once. */
export async function ticketLinksFor(
  db: Kysely<Database>,
  eventId: string,
  participants: ParticipantTable[],
  origin: string,
): Promise<Map<string, TicketLinks>> {
  const key = await getSigningKey(db, eventId);
  const event = await db
    .selectFrom('events')
    .select(['name', 'message_template', 'whatsapp_contact'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const waves = new Map(
    (await db.selectFrom('waves').selectAll().where('event_id', '=', eventId).execute()).map(
      (w) => [w.id, w],
    ),
  );
  const template = event.message_template ?? DEFAULT_TEMPLATE;
  const out = new Map<string, TicketLinks>();
  for (const p of participants) {
    const token = await ticketToken(key, p);
    const link = `${origin}/t#${token}`;
    const wave = waves.get(p.wave_id)!;
    const message = renderMessage(template, {
      name: p.name,
      eventName: event.name,
      wave: { name: wave.name, venue: wave.venue, address: wave.address, startsAt: wave.starts_at },
      link,
      contact: event.whatsapp_contact,
    });
    out.set(p.id, {
      participantId: p.id,
      token,
      link,
      // A number WhatsApp cannot take still gets the message, to forward by hand.
      whatsappLink:
        whatsAppLink(p.phone, message) ?? `https://wa.me/?text=${encodeURIComponent(message)}`,
    });
  }
  return out;
}
