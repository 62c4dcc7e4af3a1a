// Door sync. Push: each event is checked on its own and stored or kept as rejected, in one
// transaction (scans/ingest.ts); the answer, sent only after commit, says per event what
// happened, so replaying a batch is harmless, and carries the device's manifest version as a
// pull does (a tablet whose live stream is up pushes its own scans without pulling). Pull: other devices' events of the tablet's own
// waves (and roster changes) after a server cursor, in pages. Every call needs a live device token.
import { Hono } from 'hono';
import type { SyncPullResult, SyncPushResult } from '../../shared/api/sync.js';
import { PULL_PAGE_DEFAULT, SyncPullQuery, SyncPushBody } from '../../shared/api/sync.js';
import { readDeviceReport } from '../../shared/api/device-report.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson, validate } from '../http/body.js';
import { archivedProblem } from '../http/read-only.js';
import { ingestScans } from '../scans/ingest.js';
import { saveDeviceReport } from '../store/device-reports.js';
import type { DeviceAuth } from '../store/devices.js';
import { CLOCK_SAME_MS, contactDue } from '../store/devices.js';
import { formatCursor, parseCursor } from '../../shared/api/sync-cursor.js';
import { rosterChangesSince } from '../store/roster-changes.js';
import { loadDoorStanding, recentDoorStanding } from '../store/door-standing.js';
import { forOtherDoors, maxScanSeq, scanEventsPage } from '../store/scans.js';

/**
 * Whether a push writes the device's last contact and clock: when the contact noted is stale
 * (CONTACT_REFRESH_MS), and at once for a clock never noted or noted differently. Most pushes of
 * a busy door then need no transaction, only the insert's one statement (store/scans.ts).
 */
function notesContact(device: DeviceAuth, receivedAt: number, serverMinusDeviceMs: number | null) {
  if (contactDue(device.lastSeenAt, receivedAt)) return true;
  if (serverMinusDeviceMs === null) return false;
  const noted = device.serverMinusDeviceMs;
  return noted === null || Math.abs(serverMinusDeviceMs - noted) > CLOCK_SAME_MS;
}

/** POST /sync/push and GET /sync/pull. */
export function syncRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  // The tablet's report of itself, when it sent a readable one; never fails the sync.
  // `answered`: events of this push the tablet will drop from its outbox (all that were answered).
  const saveReport = async (device: DeviceAuth, value: unknown, now: number, answered = 0) => {
    const report = readDeviceReport(value);
    if (!report) return;
    // Counted before sending: what is left once this push is answered.
    const unsynced = Math.max(0, report.unsynced - answered);
    await saveDeviceReport(
      deps.store.db,
      device,
      { ...report, unsynced, oldestUnsyncedAt: unsynced > 0 ? report.oldestUnsyncedAt : null },
      now,
    );
  };

  r.post('/sync/push', async (c) => {
    const receivedAt = Date.now();
    const device = c.get('device');
    // An archived event is read-only; the tablet keeps its scans until it is un-archived.
    if (device.eventArchived) throw archivedProblem();
    const body = await readJson(c, SyncPushBody);
    // What the server can measure alone: its receive time minus the device's send time (low by
    // the one-way network delay). The tablet estimates its own from the round trip.
    const serverMinusDeviceMs = body.sentAt === undefined ? null : receivedAt - body.sentAt;
    const results = await ingestScans(deps.store, {
      device,
      events: body.events,
      receivedAt,
      deviceContact: notesContact(device, receivedAt, serverMinusDeviceMs),
      serverMinusDeviceMs,
      notifyChannel: deps.live?.channel ?? null,
    });
    const [standing] = await Promise.all([
      recentDoorStanding(deps, deps.store.db, device),
      saveReport(device, body.report, receivedAt, results.length),
    ]);
    if (!deps.live?.channel && results.some((r) => r.status === 'stored')) {
      // After the commit; a failed announcement only delays live views, never the tablet.
      await deps.live?.announce(device.eventId, device.id).catch((err: unknown) => {
        deps.log('warn', 'live-announce-failed', { error: String(err) });
      });
    }
    const answer: SyncPushResult = {
      results,
      receivedAt: new Date(receivedAt).toISOString(),
      serverTime: new Date().toISOString(),
      serverMinusDeviceMs,
    };
    if (standing) answer.manifestVersion = standing.version;
    return c.json(answer);
  });

  r.get('/sync/pull', async (c) => {
    const device = c.get('device');
    const q = validate(SyncPullQuery, c.req.query());
    await saveReport(device, q.report, Date.now());
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
      sessionIds: [...device.sessionIds],
      limit: limit + 1,
    });
    const more = page.length > limit;
    const events = page.slice(0, limit);
    const scans = more ? events[events.length - 1]!.seq : Math.max(top, cursor.scans);
    const [roster, standing] = await Promise.all([
      rosterChangesSince(db, device, cursor.roster),
      loadDoorStanding(db, device),
    ]);
    const answer: SyncPullResult = {
      events: events.map((e) => forOtherDoors(e.event)),
      roster: roster.participants,
      revocations: roster.revocations,
      cursor: formatCursor({ scans, roster: roster.cursor }),
      more,
      serverTime: new Date().toISOString(),
    };
    if (standing) answer.manifestVersion = standing.version;
    return c.json(answer);
  });
  return r;
}
