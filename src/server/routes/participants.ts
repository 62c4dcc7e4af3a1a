// Participants (create, list, update, cancel), their tickets and links, the tickets export
// (CSV or .xlsx) and badge sheets (a wave, all waves, or chosen participants).
import type { Context } from 'hono';
import type { Transaction } from 'kysely';
import { Hono } from 'hono';
import * as v from 'valibot';
import { BadgeQuery, ParticipantBody, ParticipantPatch } from '../../shared/api/schemas.js';
import { WalkInLinkBody } from '../../shared/api/review.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import { getEventDetail, getWave } from '../store/events.js';
import type { ParticipantFields } from '../store/participants.js';
import type { Database, ParticipantTable } from '../store/schema.js';
import {
  allParticipants,
  cancelParticipant,
  findClash,
  getParticipantRow,
  insertParticipant,
  listParticipants,
  reactivateParticipant,
  reissueTicket,
  toParticipant,
  updateParticipant,
} from '../store/participants.js';
import { attendedSessions, presentIds } from '../scans/attended.js';
import { ticketLinksFor } from '../tickets/links.js';
import { findWalkInScan, linkWalkIn } from '../store/walk-ins.js';
import { ticketsSheet } from '../tickets/tickets-sheet.js';
import { fileSlug, sendSheet } from '../export/download.js';
import { publicOrigin } from '../tickets/origin.js';

// Kept here for the routes that imported it before tickets/origin.ts existed.
export { publicOrigin };
import { pokeDoors } from '../live/poke.js';
import { badgeSheet } from '../tickets/badge-sheet.js';

const PARTICIPANT = { id: 'Peserta', en: 'Participant' };
const EVENT = { id: 'Acara', en: 'Event' };

const ListQuery = v.object({
  wave: v.optional(v.pipe(v.string(), v.maxLength(20))),
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  status: v.optional(v.picklist(['active', 'cancelled'])),
  attendance: v.optional(v.picklist(['hadir', 'belum'])),
  session: v.optional(v.pipe(v.string(), v.maxLength(20))),
  offset: v.optional(v.pipe(v.string(), v.regex(/^\d{1,7}$/), v.transform(Number)), '0'),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number)), '50'),
});

function phoneOrFail(raw: string): string {
  const phone = normalizePhone(raw);
  if (!phone) {
    throw fail(400, 'invalid-phone', 'Nomor HP tidak valid', 'Invalid phone number', {
      issues: [{ path: 'phone', message: 'invalid phone' }],
    });
  }
  return phone;
}

/**
 * /events/:id/participants, /participants/:id…, /events/:id/tickets.csv|.xlsx, /events/:id/badges,
 * /events/:id/walk-ins/:scanId/register and …/link (a walk-in confirmed as a participant)
 */
export function participantRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const eventOrFail = async (id: string) => {
    const event = await getEventDetail(db, id);
    if (!event) throw notFound(EVENT);
    return event;
  };
  const waveOfEvent = async (eventId: string, waveId: string) => {
    const wave = await getWave(db, waveId);
    if (!wave || wave.event_id !== eventId) {
      throw fail(
        400,
        'unknown-wave',
        'Gelombang tidak dikenal untuk acara ini',
        'Unknown wave for this event',
      );
    }
    return wave;
  };
  const participantOrFail = async (id: string) => {
    const row = await getParticipantRow(db, id);
    if (!row) throw notFound(PARTICIPANT);
    return row;
  };
  const noClash = async (eventId: string, f: Partial<ParticipantFields>, exceptId?: string) => {
    const clash = await findClash(db, eventId, f, exceptId);
    if (clash) {
      const same = clash.phone === f.phone ? 'phone' : 'nik';
      throw fail(
        409,
        'duplicate-participant',
        same === 'phone'
          ? 'Nomor HP sudah terdaftar untuk peserta lain'
          : 'NIK sudah terdaftar untuk peserta lain',
        same === 'phone'
          ? 'This phone number is already registered'
          : 'This NIK is already registered',
        { participantId: clash.id, field: same },
      );
    }
  };

  /** A new participant's fields from the form: a wave of this event, a usable phone, no clash. */
  const newParticipantFields = async (
    eventId: string,
    body: ParticipantBody,
  ): Promise<ParticipantFields> => {
    await waveOfEvent(eventId, body.waveId);
    const fields: ParticipantFields = {
      waveId: body.waveId,
      name: body.name,
      business: body.business,
      phone: phoneOrFail(body.phone),
      email: body.email ?? null,
      nik: body.nik ?? null,
    };
    await noClash(eventId, fields);
    return fields;
  };

  r.get('/events/:eventId/participants', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await eventOrFail(eventId);
    const q = validate(ListQuery, c.req.query());
    // Attendance comes from the event's cached fold: each row shows its sessions, and the
    // hadir / belum-hadir filter (for one session, or any) is applied in the query.
    const attended = await attendedSessions(deps.store, eventId);
    const ids = q.attendance && {
      in: q.attendance === 'hadir',
      ids: presentIds(attended, q.session),
    };
    // Not yet at a session: only that session's wave is expected there.
    const sessionWave =
      q.attendance === 'belum' && q.session
        ? event.waves.find((w) => w.sessions.some((s) => s.id === q.session))?.id
        : undefined;
    const page = await listParticipants(db, eventId, {
      waveId: q.wave ?? sessionWave,
      q: q.q,
      status: q.status,
      ids,
      offset: q.offset,
      limit: Math.min(Math.max(q.limit, 1), 1000),
    });
    const sessions = Object.fromEntries(
      page.participants.map((p) => [p.id, [...(attended.get(p.id) ?? [])]]),
    );
    return c.json({ ...page, attended: sessions });
  });

  r.post('/events/:eventId/participants', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    const fields = await newParticipantFields(eventId, await readJson(c, ParticipantBody));
    const row = await insertParticipant(db, eventId, fields);
    await pokeDoors(deps, eventId);
    return c.json(toParticipant(row), 201);
  });

  // A walk-in registered at a door, confirmed by the organizer: a new participant (with a ticket
  // and a badge), or one already on the roster. The link and the participant are written in one
  // transaction, so two organizers confirming at once make one participant, not two.
  const walkInOrFail = async (eventId: string, scanId: string) => {
    const scan = await findWalkInScan(db, eventId, scanId);
    if (!scan) throw notFound({ id: 'Pendaftaran di pintu', en: 'Walk-in' });
    return scan;
  };
  const alreadyConfirmed = () =>
    fail(
      409,
      'walk-in-confirmed',
      'Pendaftar di pintu ini sudah dijadikan peserta',
      'This walk-in is already a participant',
    );
  const confirmWalkIn = async (
    c: Context<AppEnv>,
    eventId: string,
    scanId: string,
    participant: (tx: Transaction<Database>) => Promise<ParticipantTable>,
    created: boolean,
  ) => {
    const row = await db.transaction().execute(async (tx) => {
      const p = await participant(tx);
      const linked = await linkWalkIn(tx, {
        eventId,
        scanId,
        participantId: p.id,
        organizerId: c.get('organizer').id,
      });
      if (!linked) throw alreadyConfirmed();
      return p;
    });
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'walk-in-confirm',
      eventId,
      details: { participantId: row.id, name: row.name, created },
    });
    await pokeDoors(deps, eventId);
    const links = await ticketLinksFor(db, eventId, [row], publicOrigin(deps, c));
    return c.json(
      { participant: toParticipant(row), ticket: links.get(row.id) },
      created ? 201 : 200,
    );
  };

  r.post('/events/:eventId/walk-ins/:scanId/register', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    await walkInOrFail(eventId, c.req.param('scanId'));
    const fields = await newParticipantFields(eventId, await readJson(c, ParticipantBody));
    return confirmWalkIn(
      c,
      eventId,
      c.req.param('scanId'),
      (tx) => insertParticipant(tx, eventId, fields),
      true,
    );
  });

  r.post('/events/:eventId/walk-ins/:scanId/link', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    await walkInOrFail(eventId, c.req.param('scanId'));
    const body = await readJson(c, WalkInLinkBody);
    const p = await participantOrFail(body.participantId);
    if (p.event_id !== eventId) throw notFound(PARTICIPANT);
    if (p.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        'Peserta sudah dibatalkan',
        'The participant is cancelled',
      );
    }
    return confirmWalkIn(c, eventId, c.req.param('scanId'), async () => p, false);
  });

  r.get('/participants/:id', async (c) =>
    c.json(toParticipant(await participantOrFail(c.req.param('id')))),
  );

  r.patch('/participants/:id', async (c) => {
    const current = await participantOrFail(c.req.param('id'));
    const body = await readJson(c, ParticipantPatch);
    if (body.waveId !== undefined) await waveOfEvent(current.event_id, body.waveId);
    const fields: Partial<ParticipantFields> = {
      ...body,
      ...(body.phone !== undefined ? { phone: phoneOrFail(body.phone) } : {}),
    };
    await noClash(current.event_id, { phone: fields.phone, nik: fields.nik }, current.id);
    const next = await db.transaction().execute((tx) => updateParticipant(tx, current, fields));
    await pokeDoors(deps, current.event_id);
    return c.json(toParticipant(next));
  });

  r.post('/participants/:id/cancel', async (c) => {
    const current = await participantOrFail(c.req.param('id'));
    const next = await db.transaction().execute((tx) => cancelParticipant(tx, current));
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'participant-cancel',
      eventId: current.event_id,
      details: { participantId: current.id, name: current.name },
    });
    await pokeDoors(deps, current.event_id);
    return c.json(toParticipant(next));
  });

  r.post('/participants/:id/reissue', async (c) => {
    const current = await participantOrFail(c.req.param('id'));
    if (current.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        'Peserta sudah dibatalkan',
        'The participant is cancelled',
      );
    }
    const next = await db.transaction().execute((tx) => reissueTicket(tx, current));
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'ticket-reissue',
      eventId: current.event_id,
      details: { participantId: current.id, name: current.name },
    });
    await pokeDoors(deps, current.event_id);
    const links = await ticketLinksFor(db, next.event_id, [next], publicOrigin(deps, c));
    return c.json(links.get(next.id));
  });

  r.post('/participants/:id/reactivate', async (c) => {
    const current = await participantOrFail(c.req.param('id'));
    if (current.status === 'active') {
      throw fail(409, 'participant-active', 'Peserta masih aktif', 'The participant is active');
    }
    // Someone else may hold their NIK by now (phones are unique per event, cancelled or not).
    await noClash(current.event_id, { nik: current.nik }, current.id);
    const next = await db.transaction().execute((tx) => reactivateParticipant(tx, current));
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'participant-reactivate',
      eventId: current.event_id,
      details: {
        participantId: current.id,
        name: current.name,
        ticketVersion: next.ticket_version,
      },
    });
    await pokeDoors(deps, current.event_id);
    const links = await ticketLinksFor(db, next.event_id, [next], publicOrigin(deps, c));
    return c.json({ participant: toParticipant(next), ticket: links.get(next.id) });
  });

  r.get('/participants/:id/ticket', async (c) => {
    const p = await participantOrFail(c.req.param('id'));
    if (p.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        'Peserta sudah dibatalkan; tiketnya tidak berlaku',
        'The participant is cancelled; the ticket is void',
      );
    }
    const links = await ticketLinksFor(db, p.event_id, [p], publicOrigin(deps, c));
    return c.json(links.get(p.id));
  });

  // The same sheet as CSV (';' unless ?sep=comma) or as an Excel workbook.
  const ticketsExport = (format: 'csv' | 'xlsx') =>
    r.get(`/events/:eventId/tickets.${format}`, async (c) => {
      const eventId = c.req.param('eventId');
      const event = await eventOrFail(eventId);
      const wave = c.req.query('wave');
      const rows = (await allParticipants(db, eventId, wave)).filter((p) => p.status === 'active');
      const links = await ticketLinksFor(db, eventId, rows, publicOrigin(deps, c));
      const waveName = new Map(event.waves.map((w) => [w.id, w.name]));
      return sendSheet(c, ticketsSheet(rows, links, waveName), {
        format,
        baseName: `tiket-${fileSlug(event.name, eventId)}`,
      });
    });
  ticketsExport('csv');
  ticketsExport('xlsx');

  r.get('/events/:eventId/badges', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await eventOrFail(eventId);
    const ask = validate(BadgeQuery, c.req.query());
    if ('wave' in ask && !event.waves.some((w) => w.id === ask.wave))
      throw fail(400, 'unknown-wave', 'Pilih gelombang yang ada', 'Choose an existing wave');
    const sheet = await badgeSheet(db, event, ask);
    return c.json(sheet);
  });
  return r;
}
