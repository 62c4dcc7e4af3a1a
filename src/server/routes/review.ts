// The "Perlu diperiksa" list of an event and the organizers' marks on it.
import { Hono } from 'hono';
import type { ReviewReport } from '../../shared/api/review.js';
import { ReviewMarkBody } from '../../shared/api/review.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { notFound } from '../http/problem.js';
import { conflictReport } from '../scans/report.js';
import { loadReportContext } from '../scans/report-context.js';
import { reviewItems } from '../scans/review-items.js';
import { getEventDetail } from '../store/events.js';
import { listReviewMarks, setReviewMark } from '../store/review-marks.js';
import { listIdConflicts, listRejections } from '../store/scan-reviews.js';

/** GET /events/:eventId/review and POST /events/:eventId/review/marks (organizer). */
export function reviewRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const report = async (eventId: string): Promise<ReviewReport> => {
    const ctx = await loadReportContext(deps.store, eventId);
    const [idConflicts, rejections, marks] = await Promise.all([
      listIdConflicts(db, eventId),
      listRejections(db, eventId),
      listReviewMarks(db, eventId),
    ]);
    const items = reviewItems(ctx, conflictReport(ctx, idConflicts), rejections, marks);
    return {
      eventId,
      items,
      open: items.filter((i) => i.reviewed === null).length,
      serverTime: new Date().toISOString(),
    };
  };

  r.get('/events/:eventId/review', async (c) => c.json(await report(c.req.param('eventId'))));
  r.post('/events/:eventId/review/marks', async (c) => {
    const eventId = c.req.param('eventId');
    const body = await readJson(c, ReviewMarkBody);
    if (!(await getEventDetail(db, eventId))) throw notFound({ id: 'Acara', en: 'Event' });
    await setReviewMark(db, {
      eventId,
      key: body.key,
      organizerId: c.get('organizer').id,
      reviewed: body.reviewed,
      now: Date.now(),
    });
    return c.json(await report(eventId));
  });
  return r;
}
