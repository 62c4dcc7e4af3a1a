// Ticket tokens and the links that carry them: the ticket page (token in the fragment) and a
// WhatsApp click-to-chat with a ready Indonesian message.
import type { Kysely } from 'kysely';
import type { TicketLinks } from '../../shared/api/schemas.js';
import type { EventSigningKey } from '../../shared/ticket/crypto.js';
import { signTicket } from '../../shared/ticket/crypto.js';
import { getSigningKey } from '../store/events.js';
import type { Database, ParticipantTable, WaveTable } from '../store/schema.js';

/** Signs the participant's current ticket. */
export async function ticketToken(key: EventSigningKey, p: ParticipantTable): Promise<string> {
  return signTicket(
    { kid: key.kid, participantId: p.id, waveId: p.wave_id, version: p.ticket_version },
    key,
  );
}

const dateFmt = new Intl.DateTimeFormat('id-ID', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Jakarta',
});

/** The WhatsApp message a participant receives with their ticket link. */
export function whatsappMessage(opts: {
  name: string;
  eventName: string;
  wave: Pick<WaveTable, 'name' | 'venue' | 'address' | 'starts_at'>;
  link: string;
}): string {
  const when = dateFmt.format(new Date(opts.wave.starts_at));
  return [
    `Halo ${opts.name},`,
    ``,
    `Ini tiket Anda untuk ${opts.eventName} — ${opts.wave.name}.`,
    `Tempat: ${opts.wave.venue}${opts.wave.address ? `, ${opts.wave.address}` : ''}`,
    `Waktu: ${when} WIB`,
    ``,
    `Buka tautan ini sekali saat ada internet; setelah itu tiket tersimpan di HP dan bisa dibuka tanpa internet. Tunjukkan kode QR kepada petugas di pintu masuk:`,
    opts.link,
  ].join('\n');
}

/** wa.me link for an E.164 phone and a message. */
export function whatsappLink(phoneE164: string, message: string): string {
  return `https://wa.me/${phoneE164.replace(/\D/g, '')}?text=${encodeURIComponent(message)}`;
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
    .select('name')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  const waves = new Map(
    (await db.selectFrom('waves').selectAll().where('event_id', '=', eventId).execute()).map(
      (w) => [w.id, w],
    ),
  );
  const out = new Map<string, TicketLinks>();
  for (const p of participants) {
    const token = await ticketToken(key, p);
    const link = `${origin}/t#${token}`;
    const wave = waves.get(p.wave_id)!;
    out.set(p.id, {
      participantId: p.id,
      token,
      link,
      whatsappLink: whatsappLink(
        p.phone,
        whatsappMessage({ name: p.name, eventName: event.name, wave, link }),
      ),
    });
  }
  return out;
}
