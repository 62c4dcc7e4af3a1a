// The lists the office files after the day: a session's Daftar Hadir and absentees (names, NIK
// full or masked, phone, time in, door) and the recap per wave, from the event's folded attendance.
import { Hono } from 'hono';
import * as v from 'valibot';
import type {
  EventRecap,
  ListSigners,
  ListSignersView,
  SessionLists,
} from '../../shared/api/office-lists.js';
import { ListSignersBody } from '../../shared/api/office-lists.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { notFound } from '../http/problem.js';
import { eligibilityReport } from '../scans/eligibility-report.js';
import { recapSheet, sessionListSheet } from '../scans/office-list-sheets.js';
import { sessionLists, waveRecaps } from '../scans/office-lists.js';
import { fileSlug, sendSheet } from '../export/download.js';
import { loadReportContext } from '../scans/report-context.js';
import { attendanceReport } from '../scans/report.js';
import { listCertificates } from '../store/certificates.js';
import { allParticipants } from '../store/participants.js';
import { audit } from '../store/audit-log.js';
import { getListSigners, saveListSigners } from '../store/events.js';

const countByWave = (rows: readonly { wave_id: string }[]) => {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.wave_id, (out.get(r.wave_id) ?? 0) + 1);
  return out;
};

const ListsQuery = v.object({ nik: v.optional(v.picklist(['full', 'masked']), 'full') });
const SheetQuery = v.object({
  nik: v.optional(v.picklist(['full', 'masked']), 'full'),
  kind: v.optional(v.picklist(['hadir', 'absen']), 'hadir'),
});

/**
 * GET /events/:eventId/sessions/:sessionId/lists, /events/:eventId/recap, and the lists'
 * letterhead and signers (GET/PUT /events/:eventId/list-signers), shared by the team.
 */
export function officeListRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const lists = async (eventId: string, sessionId: string, nik: 'full' | 'masked') => {
    const ctx = await loadReportContext(deps.store, eventId);
    const walkInPhones = new Map<string, string>();
    for (const { event } of ctx.byId.values()) {
      if (event.kind === 'walk-in' && event.walkIn) walkInPhones.set(event.id, event.walkIn.phone);
    }
    const out: SessionLists | null = sessionLists({
      event: ctx.event,
      sessionId,
      report: attendanceReport(ctx),
      participants: await allParticipants(db, eventId),
      walkInPhones,
      maskedNik: nik === 'masked',
    });
    if (!out) throw notFound({ id: 'Sesi', en: 'Session' });
    return out;
  };
  const recap = async (eventId: string): Promise<EventRecap> => {
    const ctx = await loadReportContext(deps.store, eventId);
    return {
      eventName: ctx.event.name,
      waves: waveRecaps({
        event: ctx.event,
        report: attendanceReport(ctx),
        participants: await allParticipants(db, eventId),
        eligibility: await eligibilityReport(deps.store, eventId),
        certificates: countByWave(
          (await listCertificates(db, eventId)).filter((c) => c.status === 'valid'),
        ),
      }),
    };
  };

  r.get('/events/:eventId/sessions/:sessionId/lists', async (c) => {
    const q = validate(ListsQuery, c.req.query());
    return c.json(await lists(c.req.param('eventId'), c.req.param('sessionId'), q.nik));
  });
  r.get('/events/:eventId/recap', async (c) => c.json(await recap(c.req.param('eventId'))));

  const EVENT = { id: 'Acara', en: 'Event' };
  r.get('/events/:eventId/list-signers', async (c) => {
    const signers = await getListSigners(db, c.req.param('eventId'));
    if (signers === undefined) throw notFound(EVENT);
    return c.json({ signers } satisfies ListSignersView);
  });
  r.put('/events/:eventId/list-signers', async (c) => {
    const eventId = c.req.param('eventId');
    const signers: ListSigners = await readJson(c, ListSignersBody);
    if (!(await saveListSigners(db, eventId, signers))) throw notFound(EVENT);
    await audit(db, {
      actorId: c.get('organizer').id,
      action: 'list-signers',
      eventId,
      details: { agency: signers.agency, signers: [signers.leftName, signers.rightName] },
    });
    return c.json({ signers } satisfies ListSignersView);
  });

  // The same lists as downloads: .xlsx, or CSV with `?sep=` (';' unless `comma`).
  for (const format of ['xlsx', 'csv'] as const) {
    r.get(`/events/:eventId/sessions/:sessionId/lists.${format}`, async (c) => {
      const q = validate(SheetQuery, c.req.query());
      const l = await lists(c.req.param('eventId'), c.req.param('sessionId'), q.nik);
      const name = `${q.kind === 'absen' ? 'tidak-hadir' : 'daftar-hadir'}-${fileSlug(`${l.wave.name} ${l.session.name}`, l.session.id)}`;
      return sendSheet(c, sessionListSheet(l, q.kind), { format, baseName: name });
    });
    r.get(`/events/:eventId/recap.${format}`, async (c) => {
      const data = await recap(c.req.param('eventId'));
      return sendSheet(c, recapSheet(data), {
        format,
        baseName: `rekap-${fileSlug(data.eventName, c.req.param('eventId'))}`,
      });
    });
  }
  return r;
}
