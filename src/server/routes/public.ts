// Endpoints anyone may call: health, and the ticket page's display data. The ticket page proves
// it holds a ticket the server signed (the token travels in the POST body, never in a URL), so
// knowing a participant id is not enough; a cancelled or replaced ticket learns its status only.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { TicketInfo, TicketInfoResult } from '../../shared/api/schemas.js';
import { TicketInfoBody } from '../../shared/api/schemas.js';
import { parseTicket } from '../../shared/ticket/codec.js';
import { verifyTicket } from '../../shared/ticket/crypto.js';
import { clientAddress } from '../auth/client-address.js';
import { limitRules, reserveTries, tooManyTries } from '../auth/rate-limit.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { listPublicKeys } from '../store/events.js';
import { getParticipantRow } from '../store/participants.js';
import { instructionLines } from '../store/send-marks.js';

/** The body ticket pages from before the token was required sent. */
const OldTicketInfoBody = v.object({ participantId: v.string(), version: v.number() });

/** /health, /ticket-info */
export function publicRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  const rules = limitRules(deps);

  r.get('/health', (c) => c.json({ ok: true }));

  r.post('/ticket-info', async (c) => {
    const body = await readJson(c, v.union([TicketInfoBody, OldTicketInfoBody]));
    // An old page still cached on a phone: not "no such ticket" (it would hide the saved copy),
    // but a refusal it treats as "server unreachable", keeping the saved ticket on screen.
    if (!('token' in body)) {
      throw fail(
        410,
        'ticket-page-outdated',
        'Halaman tiket perlu diperbarui; muat ulang halaman',
        'The ticket page needs updating; reload the page',
      );
    }
    const held = await reserveTries(deps.store, [
      { key: `ticket-info@${clientAddress(c, deps)}`, rule: rules.ticketInfoAddress },
    ]);
    if (!held.ok) throw tooManyTries(c, held.retryAfterMs, 'attempts');
    const unknown = () => notFound({ id: 'Tiket', en: 'Ticket' });
    // The ids the token claims; the signature is checked against the event's keys below.
    const parsed = parseTicket(body.token);
    if (!parsed.ok) throw unknown();
    const { participantId, version } = parsed.payload;
    const p = await getParticipantRow(db, participantId);
    if (!p || version > p.ticket_version) throw unknown();
    const verdict = await verifyTicket(body.token, await listPublicKeys(db, p.event_id));
    if (!verdict.ok) throw unknown();
    const status =
      p.status === 'cancelled' ? 'cancelled' : version < p.ticket_version ? 'superseded' : 'valid';
    if (status !== 'valid') {
      const answer: TicketInfoResult = { participantId: p.id, version, status };
      return c.json(answer);
    }
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
      version,
      status,
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
