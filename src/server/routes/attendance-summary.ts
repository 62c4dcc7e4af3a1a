// GET /events/:eventId/attendance/summary (organizer): attendance against the roster per wave and
// session, from the cached fold, so the live page can ask for it after every burst of scans.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { loadReportContext } from '../scans/report-context.js';
import { attendanceSummary } from '../scans/summary.js';

export function attendanceSummaryRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.get('/events/:eventId/attendance/summary', async (c) => {
    const eventId = c.req.param('eventId');
    const ctx = await loadReportContext(deps.store, eventId);
    return c.json(attendanceSummary(ctx, ctx.roster));
  });
  return r;
}
