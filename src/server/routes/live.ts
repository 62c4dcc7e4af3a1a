// GET /events/:eventId/live: server-sent events for the organizer's arrivals screen. Each new
// scan of the event (from any door, stored by any server process) is sent once, in server order,
// with `id:` set to its sequence so a reconnecting browser resumes with Last-Event-ID.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import * as v from 'valibot';
import { SESSION_COOKIE, sessionAlive } from '../auth/session.js';
import type { AppDeps, AppEnv } from '../context.js';
import { validate } from '../http/body.js';
import { notFound } from '../http/problem.js';
import type { SseStream } from '../http/sse.js';
import { sseResponse } from '../http/sse.js';
import { releasingAfter, takeStreamSlot } from '../http/stream-cap.js';
import type { LiveHub } from '../live/hub.js';
import { createLiveHub } from '../live/hub.js';
import { createWaker } from '../live/waker.js';
import { liveLines, seqBeforeRecent } from '../scans/live-lines.js';
import { maxScanSeq, newScanEvents } from '../store/scans.js';

const LiveQuery = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/))),
  /** A fresh view starts with the event's latest scans (at most 50), not an empty feed. */
  recent: v.optional(v.pipe(v.string(), v.regex(/^\d{1,2}$/), v.transform(Number), v.maxValue(50))),
});
const HEARTBEAT_MS = 25_000;
const PAGE = 500;
/**
 * After a read, news waits this long to be read with whatever follows it: a busy event is read at
 * most four times a second per open page, not once per push (docs/scaling.md).
 */
const COALESCE_MS = 250;

/** The live route; `hub` is shared with the push route so its announcements arrive here. */
export function liveRoutes(deps: AppDeps, hub: LiveHub = createLiveHub(deps.store, deps.log)) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;
  r.get('/events/:eventId/live', async (c) => {
    const eventId = c.req.param('eventId');
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .executeTakeFirst();
    if (!event) throw notFound({ id: 'Acara', en: 'Event' });
    const q = validate(LiveQuery, c.req.query());
    const resume = c.req.header('last-event-id');
    let last = /^\d{1,15}$/.test(resume ?? '')
      ? Number(resume)
      : q.after !== undefined
        ? Number(q.after)
        : q.recent
          ? await seqBeforeRecent(db, eventId, q.recent)
          : await maxScanSeq(db, eventId);

    // Per session (the cookie's secret), not per member: each signed-in browser has its own four.
    const release = takeStreamSlot(c, deps, `session:${getCookie(c, SESSION_COOKIE) ?? ''}`);
    return sseResponse(
      c,
      deps,
      releasingAfter(release, async (stream: SseStream) => {
        const waker = createWaker();
        let pending = true; // catch up once at the start
        stream.onAbort(release);
        const off = await hub.subscribe(eventId, () => {
          pending = true;
          waker.wake();
        });
        stream.onAbort(() => {
          off();
          waker.wake();
        });
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ after: last }) });
        let checked = Date.now();
        while (!stream.aborted && !stream.closed && !hub.closed) {
          // A removed member or one signed out everywhere stops receiving within a heartbeat.
          if (Date.now() - checked >= HEARTBEAT_MS) {
            checked = Date.now();
            if (!(await sessionAlive(deps, c))) break;
          }
          if (!pending) {
            await waker.sleep(HEARTBEAT_MS);
            if (!pending && !stream.aborted) await stream.write(': keep-alive\n\n');
            continue;
          }
          pending = false;
          const { rows: page } = await newScanEvents(db, { eventId, after: last, limit: PAGE });
          if (page.length === PAGE) pending = true;
          // The same correction as reports and pulls (store/scans.ts), with names for the console.
          const lines = await liveLines(
            db,
            eventId,
            page.map((p) => p.event),
          );
          for (const [i, { seq }] of page.entries()) {
            await stream.writeSSE({
              event: 'scan',
              id: String(seq),
              data: JSON.stringify(lines[i]),
            });
            last = seq;
          }
          if (page.length > 0 && !pending) await stream.sleep(COALESCE_MS);
        }
        off();
      }),
    );
  });
  return r;
}
