// Organizer views of the door: attendance per session and the conflicts to review, both built
// from every stored scan of the event with corrected times.
import { Hono } from 'hono';
import { requireOrganizer } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound } from '../http/problem.js';
import type { ReportContext } from '../scans/report.js';
import { attendanceReport, conflictReport } from '../scans/report.js';
import { attendanceCsv } from '../scans/attendance-csv.js';
import type { Store } from '../store/database.js';
import { listDevices } from '../store/devices.js';
import { getEventDetail } from '../store/events.js';
import { allScans, listIdConflicts } from '../store/scans.js';

const EVENT = { id: 'Acara', en: 'Event' };

/** Loads what a report needs: the event, its scans, and names of people and devices. */
async function loadContext(store: Store, eventId: string): Promise<ReportContext> {
  const { db } = store;
  const event = await getEventDetail(db, eventId);
  if (!event) throw notFound(EVENT);
  const [scans, people, devices] = await Promise.all([
    allScans(db, eventId),
    db
      .selectFrom('participants')
      .select(['id', 'name', 'business'])
      .where('event_id', '=', eventId)
      .execute(),
    listDevices(db, eventId),
  ]);
  return {
    event,
    scans,
    people: new Map(people.map((p) => [p.id, { name: p.name, business: p.business }])),
    devices: new Map(
      devices.map((d) => [
        d.id,
        {
          name: d.name,
          clockOffsetMs: d.clock_offset_ms === null ? null : Number(d.clock_offset_ms),
        },
      ]),
    ),
  };
}

/** GET /events/:eventId/attendance and /events/:eventId/conflicts (organizer). */
export function reportRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use('/events/:eventId/attendance', requireOrganizer(deps));
  r.use('/events/:eventId/conflicts', requireOrganizer(deps));
  r.use('/events/:eventId/attendance.csv', requireOrganizer(deps));
  r.get('/events/:eventId/attendance.csv', async (c) => {
    const eventId = c.req.param('eventId');
    const report = attendanceReport(await loadContext(deps.store, eventId));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="kehadiran-${eventId}.csv"`);
    return c.body(attendanceCsv(report));
  });
  r.get('/events/:eventId/attendance', async (c) => {
    const ctx = await loadContext(deps.store, c.req.param('eventId'));
    return c.json(attendanceReport(ctx));
  });
  r.get('/events/:eventId/conflicts', async (c) => {
    const eventId = c.req.param('eventId');
    const ctx = await loadContext(deps.store, eventId);
    const rows = await listIdConflicts(deps.store.db, eventId);
    return c.json(conflictReport(ctx, rows));
  });
  return r;
}
