// Organizer views of the door: attendance per session and the conflicts to review, both built
// from the event's incrementally kept fold (scans/fold-cache.ts) with corrected times, and the
// scans the server refused.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { PositionedReport } from '../../shared/api/attendance-delta.js';
import { validate } from '../http/body.js';
import { attendanceDelta } from '../scans/report-delta.js';
import type { RejectionReport } from '../../shared/api/attendance.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound } from '../http/problem.js';
import { attendanceReport, conflictReport } from '../scans/report.js';
import { attendanceSheet, attendeePhones } from '../scans/attendance-sheet.js';
import { fileSlug, sendSheet } from '../export/download.js';
import { allParticipants } from '../store/participants.js';
import { listDevices } from '../store/devices.js';
import { getEventDetail } from '../store/events.js';
import { listIdConflicts, listRejections } from '../store/scan-reviews.js';
import { loadReportContext } from '../scans/report-context.js';

const EVENT = { id: 'Acara', en: 'Event' };

const DeltaQuery = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))),
  epoch: v.optional(v.pipe(v.string(), v.maxLength(40))),
});

/** GET /events/:eventId/attendance (and .csv, .xlsx), /conflicts and /rejections (organizer). */
export function reportRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  // For the certificates: CSV (';' unless ?sep=comma) or .xlsx, with each attendee's phone.
  const attendanceExport = (format: 'csv' | 'xlsx') => {
    r.get(`/events/:eventId/attendance.${format}`, async (c) => {
      const eventId = c.req.param('eventId');
      const ctx = await loadReportContext(deps.store, eventId);
      const phones = new Map(
        (await allParticipants(deps.store.db, eventId)).map((p) => [p.id, p.phone]),
      );
      const sheet = attendanceSheet(attendanceReport(ctx), attendeePhones(ctx, phones));
      return sendSheet(c, sheet, {
        format,
        baseName: `kehadiran-${fileSlug(ctx.event.name, eventId)}`,
      });
    });
  };
  attendanceExport('csv');
  attendanceExport('xlsx');
  r.get('/events/:eventId/attendance', async (c) => {
    const ctx = await loadReportContext(deps.store, c.req.param('eventId'));
    const q = validate(DeltaQuery, c.req.query());
    // A console holding the report at `after` of the same fold gets only what changed since.
    if (q.after !== undefined && q.epoch === ctx.epoch && q.after <= ctx.cursor) {
      return c.json(attendanceDelta(ctx, q.after));
    }
    const report: PositionedReport = {
      ...attendanceReport(ctx),
      cursor: ctx.cursor,
      epoch: ctx.epoch,
    };
    return c.json(report);
  });
  r.get('/events/:eventId/conflicts', async (c) => {
    const eventId = c.req.param('eventId');
    const ctx = await loadReportContext(deps.store, eventId);
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
