// Endpoints anyone may call: health, and the ticket page's display data. The ticket page sends
// only the participant id and ticket version; the signed token never leaves the phone.
import { Hono } from 'hono';
import type { TicketInfo } from '../../shared/api/schemas.js';
import { TicketInfoBody } from '../../shared/api/schemas.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { notFound } from '../http/problem.js';
import { getParticipantRow } from '../store/participants.js';
import { instructionLines } from '../store/send-marks.js';

/** /health, /ticket-info */
export function publicRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.get('/health', (c) => c.json({ ok: true }));

  r.post('/ticket-info', async (c) => {
    const body = await readJson(c, TicketInfoBody);
    const p = await getParticipantRow(db, body.participantId);
    if (!p || body.version > p.ticket_version) throw notFound({ id: 'Tiket', en: 'Ticket' });
    const [event, wave, sessions] = await Promise.all([
      db
        .selectFrom('events')
        .select(['name', 'whatsapp_contact', 'ticket_instructions'])
        .where('id', '=', p.event_id)
        .executeTakeFirstOrThrow(),
      db.selectFrom('waves').selectAll().where('id', '=', p.wave_id).executeTakeFirstOrThrow(),
      db
        .selectFrom('wave_sessions')
        .select(['name', 'starts_at', 'ends_at'])
        .where('wave_id', '=', p.wave_id)
        .orderBy('starts_at')
        .execute(),
    ]);
    const info: TicketInfo = {
      participantId: p.id,
      version: body.version,
      status:
        p.status === 'cancelled'
          ? 'cancelled'
          : body.version < p.ticket_version
            ? 'superseded'
            : 'valid',
      name: p.name,
      business: p.business,
      eventName: event.name,
      wave: {
        name: wave.name,
        venue: wave.venue,
        address: wave.address,
        mapUrl: wave.map_url,
        startsAt: wave.starts_at,
        endsAt: wave.ends_at,
      },
      sessions: sessions.map((s) => ({ name: s.name, startsAt: s.starts_at, endsAt: s.ends_at })),
      contact: event.whatsapp_contact,
      instructions: instructionLines(event.ticket_instructions),
    };
    return c.json(info);
  });
  return r;
}
