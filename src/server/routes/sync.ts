// Door sync. Push: each event is checked on its own (shape, device, allowed session) and the
// accepted ones are stored in one transaction; the answer, sent only after commit, says per event
// what happened, so replaying a batch is harmless. Pull: other devices' events (and roster
// changes) after a server cursor, in pages. Every call needs a live device token.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { PushResult, SyncPullResult, SyncPushResult } from '../../shared/api/sync.js';
import {
  PULL_PAGE_DEFAULT,
  ScanEventSchema,
  canonicalScanEvent,
  SyncPullQuery,
  SyncPushBody,
  toScanEvent,
} from '../../shared/api/sync.js';
import type { ScanEvent } from '../../shared/door/types.js';
import { requireDevice } from '../auth/device.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import type { DeviceAuth } from '../store/devices.js';
import { parseCursor, rosterChangesSince, formatCursor } from '../store/roster-changes.js';
import { maxScanSeq, scanEventsPage, storeScanBatch } from '../store/scans.js';

const rejected = (
  id: string,
  code: string,
  idText: string,
  en: string,
  httpStatus: 400 | 403 = 403,
): PushResult => ({
  id,
  status: 'rejected',
  httpStatus,
  code,
  message: `${idText} / ${en}`,
});

/** Checks one pushed event against its schema and the device that sent it. */
export function checkEvent(
  raw: unknown,
  device: DeviceAuth,
): { ok: true; event: ScanEvent } | { ok: false; result: PushResult } {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '';
  const parsed = v.safeParse(ScanEventSchema, raw);
  if (!parsed.success) {
    const fields = [
      ...new Set(parsed.issues.map((i) => i.path?.map((p) => String(p.key)).join('.') ?? '')),
    ]
      .filter(Boolean)
      .join(', ');
    const result = rejected(
      id,
      'invalid-event',
      `Data pindaian tidak valid: ${fields || 'isi'}`,
      `Invalid scan event: ${fields || 'body'}`,
      400,
    );
    return { ok: false, result };
  }
  const e = parsed.output;
  if (e.deviceId !== device.id) {
    const result = rejected(
      e.id,
      'wrong-device',
      'Pindaian ini tercatat oleh perangkat lain, bukan perangkat yang mengirim',
      'This scan was recorded by another device than the one sending it',
    );
    return { ok: false, result };
  }
  if (!device.sessionIds.has(e.sessionId)) {
    const result = rejected(
      e.id,
      'session-not-allowed',
      'Sesi pindaian ini bukan milik gelombang yang diizinkan untuk perangkat ini',
      'The scan’s session is not in a wave this device is allowed',
    );
    return { ok: false, result };
  }
  return { ok: true, event: toScanEvent(e, device.door) };
}

/** POST /sync/push and GET /sync/pull. */
export function syncRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  r.use('/sync/push', requireDevice(deps, { touch: false }));
  r.use('/sync/pull', requireDevice(deps));

  r.post('/sync/push', async (c) => {
    const receivedAt = Date.now();
    const device = c.get('device');
    const body = await readJson(c, SyncPushBody);
    const results: PushResult[] = [];
    const accepted: { event: ScanEvent; body: string }[] = [];
    const acceptedAt: number[] = [];
    for (const raw of body.events) {
      const checked = checkEvent(raw, device);
      if (checked.ok) {
        acceptedAt.push(results.length);
        accepted.push({ event: checked.event, body: canonicalScanEvent(checked.event) });
        results.push({ id: checked.event.id, status: 'stored', httpStatus: 201 });
      } else results.push(checked.result);
    }
    const clockOffsetMs = body.sentAt === undefined ? null : body.sentAt - receivedAt;
    const outcomes = await storeScanBatch(deps.store, {
      eventId: device.eventId,
      deviceId: device.id,
      events: accepted,
      receivedAt,
      deviceContact: true,
      clockOffsetMs,
      notifyChannel: deps.live?.channel ?? null,
    });
    outcomes.forEach((status, k) => {
      const res = results[acceptedAt[k]!]!;
      res.status = status;
      res.httpStatus = status === 'stored' ? 201 : status === 'duplicate' ? 200 : 409;
      if (status === 'conflict') {
        res.code = 'id-conflict';
        res.message =
          'Kode pindaian ini sudah tersimpan dengan isi berbeda; salinan ini dicatat untuk panitia / ' +
          'This scan id is already stored with a different body; this copy was recorded for the organizer';
      }
    });
    if (!deps.live?.channel && outcomes.includes('stored')) {
      // After the commit; a failed announcement only delays live views, never the tablet.
      await deps.live?.announce(device.eventId).catch((err: unknown) => {
        deps.log('warn', 'live-announce-failed', { error: String(err) });
      });
    }
    const answer: SyncPushResult = {
      results,
      serverTime: new Date().toISOString(),
      clockOffsetMs,
    };
    return c.json(answer);
  });

  r.get('/sync/pull', async (c) => {
    const device = c.get('device');
    const q = validate(SyncPullQuery, c.req.query());
    const limit = q.limit ?? PULL_PAGE_DEFAULT;
    const cursor = parseCursor(q.cursor);
    const { db } = deps.store;
    // Read the top first: rows committed after it wait for the next pull, never get skipped.
    const top = await maxScanSeq(db, device.eventId);
    const page = await scanEventsPage(db, {
      eventId: device.eventId,
      after: cursor.scans,
      upTo: top,
      exceptDevice: device.id,
      limit: limit + 1,
    });
    const more = page.length > limit;
    const events = page.slice(0, limit);
    const scans = more ? events[events.length - 1]!.seq : Math.max(top, cursor.scans);
    const roster = await rosterChangesSince(db, device, cursor.roster);
    const answer: SyncPullResult = {
      events: events.map((e) => e.event),
      roster: roster.participants,
      revocations: roster.revocations,
      cursor: formatCursor({ scans, roster: roster.cursor }),
      more,
      serverTime: new Date().toISOString(),
    };
    return c.json(answer);
  });
  return r;
}
