// The ticket sending queue: message settings per event, the queue of one wave with who was sent
// which ticket and when, marking a ticket sent (only with links phones can open) and undoing a
// mistaken mark. Also where ticket links point, for the warning on every sending/export page.
import { Hono } from 'hono';
import * as v from 'valibot';
import type {
  SendMark,
  SendState,
  SendingQueue,
  SendingRow,
  SendingSettings,
} from '../../shared/api/sending.js';
import { SendMarkBody, SendingSettingsBody } from '../../shared/api/sending.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import { whatsAppNumber } from '../../shared/roster/whatsapp.js';
import { DEFAULT_INSTRUCTIONS, DEFAULT_TEMPLATE } from '../../shared/sending/template.js';
import { requireOrganizer } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import { getEventDetail } from '../store/events.js';
import { allParticipants, getParticipantRow } from '../store/participants.js';
import {
  getSendingSettings,
  listSendMarks,
  markSent,
  saveSendingSettings,
  unmarkSent,
} from '../store/ticket-sends.js';
import { ticketLinksFor } from '../tickets/links.js';
import { linkOrigin, publicOrigin, requireSendableLinks } from '../tickets/origin.js';

const EVENT = { id: 'Acara', en: 'Event' };
const PARTICIPANT = { id: 'Peserta', en: 'Participant' };
const WaveQuery = v.object({ wave: v.pipe(v.string(), v.minLength(1), v.maxLength(20)) });
const VersionParam = v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number));

/** unsent / sent / stale, from the participant's marks and current ticket version. */
function sendState(version: number, marks: SendMark[]): SendState {
  if (marks.some((m) => m.version === version)) return 'sent';
  return marks.length > 0 ? 'stale' : 'unsent';
}

/** The default lines as the editor shows them: saving them unchanged keeps the default. */
const sameAsDefault = (lines: string[]) =>
  lines.length === DEFAULT_INSTRUCTIONS.length &&
  lines.every((l, i) => l === DEFAULT_INSTRUCTIONS[i]!.id);

/** /link-origin, /events/:eventId/sending… */
export function sendingRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  r.use('/link-origin', requireOrganizer(deps));
  r.use('/events/*', requireOrganizer(deps));

  const settingsOrFail = async (eventId: string) => {
    const settings = await getSendingSettings(db, eventId);
    if (!settings) throw notFound(EVENT);
    return settings;
  };

  r.get('/link-origin', (c) => c.json(linkOrigin(deps, c)));

  r.get('/events/:eventId/sending/settings', async (c) =>
    c.json(await settingsOrFail(c.req.param('eventId'))),
  );

  r.put('/events/:eventId/sending/settings', async (c) => {
    const eventId = c.req.param('eventId');
    await settingsOrFail(eventId);
    const body = await readJson(c, SendingSettingsBody);
    const contact = body.contact === '' ? null : normalizePhone(body.contact);
    if (body.contact !== '' && contact === null) {
      throw fail(
        400,
        'invalid-phone',
        'Nomor WhatsApp panitia tidak valid',
        "The organizers' WhatsApp number is not valid",
        { issues: [{ path: 'contact', message: 'invalid phone' }] },
      );
    }
    const lines = body.instructions.filter((l) => l !== '');
    const template = body.template.trim();
    if (template !== '' && !/\{tautan\}/i.test(template)) {
      throw fail(
        400,
        'template-without-link',
        'Pesan harus memuat {tautan}; tanpa itu peserta tidak menerima tiketnya',
        'The message must contain {tautan}; without it participants get no ticket',
        { issues: [{ path: 'template', message: 'no {tautan}' }] },
      );
    }
    const settings: SendingSettings = {
      contact,
      template: template === '' || template === DEFAULT_TEMPLATE ? null : body.template,
      instructions: lines.length === 0 || sameAsDefault(lines) ? null : lines,
    };
    await saveSendingSettings(db, eventId, settings);
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'sending-settings',
      eventId,
      details: { contact, instructions: lines.length, template: settings.template !== null },
    });
    return c.json(settings);
  });

  r.get('/events/:eventId/sending', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await getEventDetail(db, eventId);
    if (!event) throw notFound(EVENT);
    const { wave: waveId } = validate(WaveQuery, c.req.query());
    const wave = event.waves.find((w) => w.id === waveId);
    if (!wave)
      throw fail(400, 'unknown-wave', 'Pilih gelombang yang ada', 'Choose an existing wave');
    const active = (await allParticipants(db, eventId, wave.id)).filter(
      (p) => p.status === 'active',
    );
    const reachable = active.filter((p) => whatsAppNumber(p.phone) !== null);
    const [settings, marks, links] = await Promise.all([
      settingsOrFail(eventId),
      listSendMarks(db, eventId, wave.id),
      ticketLinksFor(db, eventId, reachable, publicOrigin(deps, c)),
    ]);
    const rows: SendingRow[] = reachable.map((p) => {
      const mine = marks.get(p.id) ?? [];
      return {
        participantId: p.id,
        name: p.name,
        business: p.business,
        phone: p.phone,
        version: p.ticket_version,
        link: links.get(p.id)!.link,
        state: sendState(p.ticket_version, mine),
        lastSent: mine.at(-1) ?? null,
      };
    });
    const count = (s: SendState) => rows.filter((row) => row.state === s).length;
    const queue: SendingQueue = {
      eventName: event.name,
      wave: {
        id: wave.id,
        name: wave.name,
        venue: wave.venue,
        address: wave.address,
        startsAt: wave.startsAt,
      },
      settings,
      linkOrigin: linkOrigin(deps, c),
      counts: {
        total: rows.length,
        sent: count('sent'),
        unsent: count('unsent'),
        stale: count('stale'),
        noPhone: active.length - reachable.length,
      },
      rows,
      noPhone: active
        .filter((p) => whatsAppNumber(p.phone) === null)
        .map((p) => ({ participantId: p.id, name: p.name, phone: p.phone })),
    };
    return c.json(queue);
  });

  const participantOfEvent = async (eventId: string, participantId: string) => {
    const p = await getParticipantRow(db, participantId);
    if (!p || p.event_id !== eventId) throw notFound(PARTICIPANT);
    return p;
  };

  r.post('/events/:eventId/sending/marks', async (c) => {
    const eventId = c.req.param('eventId');
    await settingsOrFail(eventId);
    // Before anything else: a dead link must never be recorded as sent.
    requireSendableLinks(deps, c);
    const body = await readJson(c, SendMarkBody);
    const p = await participantOfEvent(eventId, body.participantId);
    if (p.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        'Peserta sudah dibatalkan',
        'The participant is cancelled',
      );
    }
    if (body.version !== p.ticket_version) {
      throw fail(
        409,
        'ticket-changed',
        'Tiket peserta ini baru saja diterbitkan ulang. Muat ulang antrean dan kirim tiket yang baru.',
        "This participant's ticket was just reissued. Reload the queue and send the new one.",
        { version: p.ticket_version },
      );
    }
    if (whatsAppNumber(p.phone) === null) {
      throw fail(
        409,
        'no-whatsapp',
        'Nomor HP peserta ini tidak bisa dipakai untuk WhatsApp',
        "This participant's phone number cannot be used for WhatsApp",
      );
    }
    const now = Date.now();
    const created = await markSent(db, {
      eventId,
      participantId: p.id,
      version: p.ticket_version,
      by: c.get('organizer').id,
      now,
    });
    const mark = (await listSendMarks(db, eventId, p.wave_id))
      .get(p.id)!
      .find((m) => m.version === p.ticket_version)!;
    return c.json(mark, created ? 201 : 200);
  });

  r.delete('/events/:eventId/sending/marks/:participantId/:version', async (c) => {
    const eventId = c.req.param('eventId');
    await settingsOrFail(eventId);
    const p = await participantOfEvent(eventId, c.req.param('participantId'));
    const version = validate(VersionParam, c.req.param('version'));
    const mark = (await listSendMarks(db, eventId, p.wave_id))
      .get(p.id)
      ?.find((m) => m.version === version);
    if (!mark || !(await unmarkSent(db, { eventId, participantId: p.id, version }))) {
      throw notFound({ id: 'Tanda terkirim', en: 'Sent mark' });
    }
    // The mark is gone from the queue; the log keeps who had sent it, and when.
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'ticket-send-undo',
      eventId,
      details: {
        participantId: p.id,
        name: p.name,
        ticketVersion: version,
        sentBy: mark.by,
        sentAt: mark.at,
      },
    });
    return c.body(null, 204);
  });
  return r;
}
