// What a paired door tablet downloads: the manifest (event, its allowed waves and sessions, the
// public keys, the revocation list) and the roster in pages it can resume after an interruption.
import { Hono } from 'hono';
import type { DoorManifest, DoorRosterPage } from '../../shared/api/door.js';
import { ROSTER_PAGE_DEFAULT, RosterQuery } from '../../shared/api/door.js';
import type { AppDeps, AppEnv } from '../context.js';
import { validate } from '../http/body.js';
import { doorLiveStream } from './door-live.js';
import { notFound } from '../http/problem.js';
import { doorRosterCounts, doorRosterPage } from '../store/devices.js';
import { loadDoorStanding } from '../store/door-standing.js';
import { listRevocations } from '../store/participants.js';
import { formatCursor } from '../../shared/api/sync-cursor.js';
import { maxRosterSeq } from '../store/roster-changes.js';

/** GET /door/manifest, /door/roster and /door/live, with a device token. */
export function doorRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.get('/door/manifest', async (c) => {
    const device = c.get('device');
    // Taken before the roster download, so a change made meanwhile reaches the next pull.
    const rosterSeq = await maxRosterSeq(db, device.eventId);
    const [loaded, revocations, counts] = await Promise.all([
      loadDoorStanding(db, device),
      listRevocations(db, device.eventId),
      doorRosterCounts(db, device.eventId, device.waveIds),
    ]);
    if (!loaded) throw notFound({ id: 'Acara', en: 'Event' });
    const { standing, version } = loaded;
    const manifest: DoorManifest = {
      ...standing,
      waves: standing.waves.map((w) => ({
        ...w,
        participantCount: counts.activeByWave.get(w.id) ?? 0,
      })),
      revocations: revocations.map((x) => ({
        participantId: x.participant_id,
        ticketVersion: x.ticket_version,
      })),
      rosterCount: counts.total,
      serverTime: new Date().toISOString(),
      syncCursor: formatCursor({ scans: 0, roster: rosterSeq }),
      version,
    };
    return c.json(manifest);
  });

  r.get('/door/live', (c) => doorLiveStream(c, deps));

  r.get('/door/roster', async (c) => {
    const device = c.get('device');
    const q = validate(RosterQuery, c.req.query());
    const limit = q.limit ?? ROSTER_PAGE_DEFAULT;
    const participants = await doorRosterPage(db, {
      eventId: device.eventId,
      waveIds: device.waveIds,
      after: q.after,
      limit,
    });
    const page: DoorRosterPage = {
      participants,
      nextAfter: participants.length === limit ? participants[limit - 1]!.participantId : null,
    };
    return c.json(page);
  });
  return r;
}
