// The lists the office files after the day: a session's Daftar Hadir and absentees (names, NIK
// full or masked, phone, time in, door) and the recap per wave, from the event's folded attendance.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { EventRecap, SessionLists } from '../../shared/api/office-lists.js';
import { requireOrganizer } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { validate } from '../http/body.js';
import { notFound } from '../http/problem.js';
import { eligibilityReport } from '../scans/eligibility-report.js';
import { sessionLists, waveRecaps } from '../scans/office-lists.js';
import { loadReportContext } from '../scans/report-context.js';
import { attendanceReport } from '../scans/report.js';
import { allParticipants } from '../store/participants.js';

const ListsQuery = v.object({ nik: v.optional(v.picklist(['full', 'masked']), 'full') });

/** GET /events/:eventId/sessions/:sessionId/lists and /events/:eventId/recap */
export function officeListRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  r.use('/events/:eventId/sessions/:sessionId/lists', requireOrganizer(deps));
  r.use('/events/:eventId/recap', requireOrganizer(deps));

  r.get('/events/:eventId/sessions/:sessionId/lists', async (c) => {
    const eventId = c.req.param('eventId');
    const q = validate(ListsQuery, c.req.query());
    const ctx = await loadReportContext(deps.store, eventId);
    const walkInPhones = new Map<string, string>();
    for (const { event } of ctx.byId.values()) {
      if (event.kind === 'walk-in' && event.walkIn) walkInPhones.set(event.id, event.walkIn.phone);
    }
    const lists: SessionLists | null = sessionLists({
      event: ctx.event,
      sessionId: c.req.param('sessionId'),
      report: attendanceReport(ctx),
      participants: await allParticipants(db, eventId),
      walkInPhones,
      maskedNik: q.nik === 'masked',
    });
    if (!lists) throw notFound({ id: 'Sesi', en: 'Session' });
    return c.json(lists);
  });

  r.get('/events/:eventId/recap', async (c) => {
    const eventId = c.req.param('eventId');
    const ctx = await loadReportContext(deps.store, eventId);
    const recap: EventRecap = {
      eventName: ctx.event.name,
      waves: waveRecaps({
        event: ctx.event,
        report: attendanceReport(ctx),
        participants: await allParticipants(db, eventId),
        eligibility: await eligibilityReport(deps.store, eventId),
      }),
    };
    return c.json(recap);
  });
  return r;
}
