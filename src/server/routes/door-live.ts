// GET /door/live: a paired tablet's own live stream. A tablet that says where it is (its pull
// cursor in the x-hadir-cursor header) gets other doors' new scans of its sessions in the stream
// itself, as `scans` events read once per process by the event's tail (live/event-tail.ts), so
// it does not pull for them. Everything else is a `poke` — run a sync round now: an organizer's
// change (roster, wave, session, device standing; the stream then ends, and the tablet's
// reconnect is authorized afresh), a tablet too far behind the tail's window, a read that failed.
// A tablet without a cursor (an older app) gets only pokes, as before. A comment keeps proxies
// from closing an idle stream, and the stream ends with the server. The pull stays the source of
// truth: tablets keep a slow poll as a fallback.
import type { Context } from 'hono';
import { LIVE_CURSOR_HEADER, readCursor } from '../../shared/api/sync-cursor.js';
import type { AppDeps, AppEnv } from '../context.js';
import type { SseStream } from '../http/sse.js';
import { sseResponse } from '../http/sse.js';
import { releasingAfter, takeStreamSlot } from '../http/stream-cap.js';
import type { TailRow } from '../live/event-tail.js';
import { joinEventTail } from '../live/event-tail.js';
import { createWaker } from '../live/waker.js';

const HEARTBEAT_MS = 25_000;
/** A burst of pokes goes out as one. */
const COALESCE_MS = 250;
/** A tablet this many scans behind its socket is poked to pull instead. */
const QUEUE_MAX_EVENTS = 2000;

/** Scans waiting for the socket: one `scans` event, however many batches of the tail it holds. */
interface Queued {
  from: number;
  to: number;
  /** Each event's JSON, made once by the tail. */
  events: string[];
}

/** The `scans` event's data: a StreamedScans, its events' JSON joined rather than made again. */
const scansData = (q: Queued) => `{"from":${q.from},"to":${q.to},"events":[${q.events.join(',')}]}`;

/** Streams scans and pokes for the device's event until the tablet or the server goes away. */
export function doorLiveStream(c: Context<AppEnv>, deps: AppDeps): Response {
  const device = c.get('device');
  const hub = deps.live;
  const release = takeStreamSlot(c, deps, `device:${device.id}`);
  const header = c.req.header(LIVE_CURSOR_HEADER);
  const cursor = readCursor(header);
  return sseResponse(
    c,
    deps,
    releasingAfter(release, async (stream: SseStream) => {
      stream.onAbort(release);
      const waker = createWaker();
      let queued: Queued | null = null;
      let poke = false;
      let end = false;
      // Where deliveries start: no row for this tablet lies in (sent, the tail's top]. Null when
      // unknown (after a poke, its pull goes who knows how far): the next batch's own start.
      let sent: number | null = null;
      const mine = (rows: readonly TailRow[]) =>
        rows.filter((r) => r.deviceId !== device.id && device.sessionIds.has(r.sessionId));
      const nudge = () => {
        poke = true;
        sent = null;
        queued = null;
        waker.wake();
      };
      const membership = hub
        ? await joinEventTail(
            deps,
            device.eventId,
            {
              scans(from, to, rows) {
                const events = mine(rows);
                if (events.length === 0) return void (sent ??= from);
                if (header === undefined) return nudge(); // an older tablet: it pulls
                // Batches the socket has not taken yet merge into one: each starts where the last
                // one ended, so together they still cover (from, to] with nothing left out.
                if (queued && queued.to === (sent ?? from)) {
                  if (queued.events.length + events.length > QUEUE_MAX_EVENTS) return nudge();
                  queued.to = to;
                  for (const r of events) queued.events.push(r.json);
                } else {
                  queued = { from: sent ?? from, to, events: events.map((r) => r.json) };
                }
                sent = to;
                waker.wake();
              },
              poke(change) {
                nudge();
                // Its sessions or standing may have changed: a tablet that takes scans reconnects.
                if (change && header !== undefined) end = true;
              },
            },
            cursor?.scans,
          )
        : null;
      // A cursor it cannot read: a pull brings the tablet up to date.
      if (membership && header !== undefined && !cursor) poke = true;
      stream.onAbort(() => {
        membership?.leave();
        waker.wake();
      });
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed && !hub?.closed) {
        if (queued) {
          const next: Queued = queued;
          queued = null;
          await stream.writeSSE({ event: 'scans', data: scansData(next) });
          continue;
        }
        if (poke) {
          poke = false;
          await stream.writeSSE({ event: 'poke', data: '{}' });
          if (end) break;
          await stream.sleep(COALESCE_MS);
          continue;
        }
        await waker.sleep(HEARTBEAT_MS);
        if (!poke && !queued && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      membership?.leave();
    }),
  );
}
