// The sending queue of tickets or certificate links (`kind`): message settings per event, the
// queue of one wave with who was sent which ticket or certificate version and when, marking one
// sent (only with links phones can open) and undoing a mistaken mark. Also where links point,
// for the warning on every sending/export page.
import { Hono } from 'hono';
import * as v from 'valibot';
import type {
  SendKind,
  SendMark,
  SendState,
  SendingQueue,
  SendingRow,
  SendingSettings,
} from '../../shared/api/sending.js';
import { SendKindField, SendMarkBody, SendingSettingsBody } from '../../shared/api/sending.js';
import { normalizePhone } from '../../shared/roster/phone.js';
import { whatsAppNumber } from '../../shared/roster/whatsapp.js';
import {
  DEFAULT_CERTIFICATE_TEMPLATE,
  DEFAULT_INSTRUCTIONS,
  DEFAULT_TEMPLATE,
} from '../../shared/sending/template.js';
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
} from '../store/send-marks.js';
import type { Sendable } from '../sending/sendables.js';
import { currentSendable, sendablesFor, targetOf } from '../sending/sendables.js';
import { linkOrigin, publicOrigin, requireSendableLinks } from '../tickets/origin.js';

const EVENT = { id: 'Acara', en: 'Event' };
const PARTICIPANT = { id: 'Peserta', en: 'Participant' };
const WaveQuery = v.object({
  wave: v.pipe(v.string(), v.minLength(1), v.maxLength(20)),
  kind: SendKindField,
});
const KindQuery = v.object({ kind: SendKindField });
const VersionParam = v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number));

/** Whether a mark is of this ticket version, or of this certificate version. */
const markOf = (m: SendMark, s: Pick<Sendable, 'version' | 'certificateId'>) =>
  m.version === s.version && m.certificateId === s.certificateId;

/** unsent / sent / stale, from the participant's marks and current ticket or certificate. */
function sendState(current: Sendable, marks: SendMark[]): SendState {
  if (marks.some((m) => markOf(m, current))) return 'sent';
  return marks.length > 0 ? 'stale' : 'unsent';
}

/** A template as stored: null for empty or the default. */
const storedTemplate = (typed: string, fallback: string) => {
  const template = typed.trim();
  return template === '' || template === fallback ? null : typed;
};

/** 400 unless the message carries the link. */
function requireLink(template: string | null, kind: SendKind) {
  if (template === null || /\{tautan\}/i.test(template)) return;
  const path = kind === 'sertifikat' ? 'certificateTemplate' : 'template';
  throw kind === 'sertifikat'
    ? fail(
        400,
        'template-without-link',
        'Pesan sertifikat harus memuat {tautan}; tanpa itu peserta tidak menerima sertifikatnya',
        'The certificate message must contain {tautan}; without it participants get no certificate',
        { issues: [{ path, message: 'no {tautan}' }] },
      )
    : fail(
        400,
        'template-without-link',
        'Pesan harus memuat {tautan}; tanpa itu peserta tidak menerima tiketnya',
        'The message must contain {tautan}; without it participants get no ticket',
        { issues: [{ path, message: 'no {tautan}' }] },
      );
}

/** The default lines as the editor shows them: saving them unchanged keeps the default. */
const sameAsDefault = (lines: string[]) =>
  lines.length === DEFAULT_INSTRUCTIONS.length &&
  lines.every((l, i) => l === DEFAULT_INSTRUCTIONS[i]!.id);

/** /link-origin, /events/:eventId/sending… */
export function sendingRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

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
    const before = await settingsOrFail(eventId);
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
    const template = storedTemplate(body.template, DEFAULT_TEMPLATE);
    requireLink(template, 'tiket');
    const certificateTemplate =
      body.certificateTemplate === undefined
        ? before.certificateTemplate
        : storedTemplate(body.certificateTemplate, DEFAULT_CERTIFICATE_TEMPLATE);
    requireLink(certificateTemplate, 'sertifikat');
    const settings: SendingSettings = {
      contact,
      template,
      certificateTemplate,
      instructions: lines.length === 0 || sameAsDefault(lines) ? null : lines,
    };
    await saveSendingSettings(db, eventId, settings);
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'sending-settings',
      eventId,
      details: {
        contact,
        instructions: lines.length,
        template: settings.template !== null,
        certificateTemplate: settings.certificateTemplate !== null,
      },
    });
    return c.json(settings);
  });

  r.get('/events/:eventId/sending', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await getEventDetail(db, eventId);
    if (!event) throw notFound(EVENT);
    const { wave: waveId, kind } = validate(WaveQuery, c.req.query());
    const wave = event.waves.find((w) => w.id === waveId);
    if (!wave)
      throw fail(400, 'unknown-wave', 'Pilih gelombang yang ada', 'Choose an existing wave');
    const active = (await allParticipants(db, eventId, wave.id)).filter(
      (p) => p.status === 'active',
    );
    const [settings, marks, sendables] = await Promise.all([
      settingsOrFail(eventId),
      listSendMarks(db, { kind, eventId, waveId: wave.id }),
      sendablesFor(db, { kind, eventId, participants: active, origin: publicOrigin(deps, c) }),
    ]);
    // Certificates go only to holders of a valid one; the rest are counted, not queued.
    const holders = active.filter((p) => sendables.has(p.id));
    const reachable = holders.filter((p) => whatsAppNumber(p.phone) !== null);
    const rows: SendingRow[] = reachable.map((p) => {
      const mine = marks.get(p.id) ?? [];
      const now = sendables.get(p.id)!;
      return {
        participantId: p.id,
        name: p.name,
        business: p.business,
        phone: p.phone,
        ...now,
        state: sendState(now, mine),
        lastSent: mine.at(-1) ?? null,
      };
    });
    const count = (s: SendState) => rows.filter((row) => row.state === s).length;
    const queue: SendingQueue = {
      kind,
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
        noPhone: holders.length - reachable.length,
        noCertificate: active.length - holders.length,
      },
      rows,
      noPhone: holders
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
    const body = await readJson(c, SendMarkBody);
    // Before anything is looked up: a dead link must never be recorded as sent.
    requireSendableLinks(deps, c, body.kind);
    const p = await participantOfEvent(eventId, body.participantId);
    if (p.status === 'cancelled') {
      throw fail(
        409,
        'participant-cancelled',
        'Peserta sudah dibatalkan',
        'The participant is cancelled',
      );
    }
    const { kind } = body;
    const now = await currentSendable(db, {
      kind,
      participant: p,
      origin: publicOrigin(deps, c),
      version: body.version,
      certificateId: body.certificateId,
    });
    if (whatsAppNumber(p.phone) === null) {
      throw fail(
        409,
        'no-whatsapp',
        'Nomor HP peserta ini tidak bisa dipakai untuk WhatsApp',
        "This participant's phone number cannot be used for WhatsApp",
      );
    }
    const created = await markSent(db, {
      eventId,
      participantId: p.id,
      target: targetOf(kind, now),
      by: c.get('organizer').id,
      now: Date.now(),
    });
    const mark = (await listSendMarks(db, { kind, eventId, waveId: p.wave_id }))
      .get(p.id)!
      .find((m) => markOf(m, now))!;
    return c.json(mark, created ? 201 : 200);
  });

  r.delete('/events/:eventId/sending/marks/:participantId/:version', async (c) => {
    const eventId = c.req.param('eventId');
    await settingsOrFail(eventId);
    const p = await participantOfEvent(eventId, c.req.param('participantId'));
    const version = validate(VersionParam, c.req.param('version'));
    const { kind } = validate(KindQuery, c.req.query());
    // The newest mark of that version (certificates: a revoked number's v1 comes before).
    const mark = (await listSendMarks(db, { kind, eventId, waveId: p.wave_id }))
      .get(p.id)
      ?.filter((m) => m.version === version)
      .at(-1);
    const target = mark && targetOf(kind, mark);
    if (!target || !(await unmarkSent(db, { eventId, participantId: p.id, target }))) {
      throw notFound({ id: 'Tanda terkirim', en: 'Sent mark' });
    }
    // The mark is gone from the queue; the log keeps who had sent it, and when.
    const what =
      kind === 'sertifikat'
        ? { certificateId: mark.certificateId, certificateVersion: version }
        : { ticketVersion: version };
    await audit(db, {
      actorId: c.get('organizer').id,
      action: kind === 'sertifikat' ? 'certificate-send-undo' : 'ticket-send-undo',
      eventId,
      details: { participantId: p.id, name: p.name, ...what, sentBy: mark.by, sentAt: mark.at },
    });
    return c.body(null, 204);
  });
  return r;
}
