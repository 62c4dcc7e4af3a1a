// Organizer views of the door: attendance per session and the conflicts to review, both built
// from every stored scan of the event with corrected times, and the scans the server refused.
import { Hono } from 'hono';
import type { RejectionReport } from '../../shared/api/attendance.js';
import { requireOrganizer } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound } from '../http/problem.js';
import type { ReportContext } from '../scans/report.js';
import { attendanceReport, conflictReport } from '../scans/report.js';
import { attendanceCsv } from '../scans/attendance-csv.js';
import type { Store } from '../store/database.js';
import { listDevices } from '../store/devices.js';
import { getEventDetail } from '../store/events.js';
import { listIdConflicts, listRejections } from '../store/scan-reviews.js';
import { allScans } from '../store/scans.js';

const EVENT = { id: 'Acara', en: 'Event' };

/** Loads what a report needs: the event, its scans, and names of people and devices. */
export async function loadContext(store: Store, eventId: string): Promise<ReportContext> {
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
          serverMinusDeviceMs:
            d.server_minus_device_ms === null ? null : Number(d.server_minus_device_ms),
        },
      ]),
    ),
  };
}

/** GET /events/:eventId/attendance, /conflicts and /rejections (organizer). */
export function reportRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use('/events/:eventId/attendance', requireOrganizer(deps));
  r.use('/events/:eventId/conflicts', requireOrganizer(deps));
  r.use('/events/:eventId/attendance.csv', requireOrganizer(deps));
  r.use('/events/:eventId/rejections', requireOrganizer(deps));
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
  r.get('/events/:eventId/rejections', async (c) => {
    const eventId = c.req.param('eventId');
    const { db } = deps.store;
    if (!(await getEventDetail(db, eventId))) throw notFound(EVENT);
    const [rows, devices] = await Promise.all([
      listRejections(db, eventId),
      listDevices(db, eventId),
    ]);
    const names = new Map(devices.map((d) => [d.id, d.name]));
    const report: RejectionReport = {
      eventId,
      rejections: rows.map((r) => ({
        id: r.scan_id,
        code: r.code,
        message: r.message,
        deviceId: r.device_id,
        deviceName: names.get(r.device_id) ?? null,
        receivedAt: new Date(Number(r.received_at)).toISOString(),
        body: JSON.parse(r.body) as unknown,
      })),
      serverTime: new Date().toISOString(),
    };
    return c.json(report);
  });
  return r;
}
